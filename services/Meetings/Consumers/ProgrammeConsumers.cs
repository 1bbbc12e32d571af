using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Meetings.Consumers;

/// <summary>
/// An exchange in the registry gets a calendar with the defaults of its format (seed 001 for a
/// programme), or, if the seeder made one first, takes the registry's name, period, format and roles.
/// </summary>
[ConsumeOneAtATime]
public sealed class ProgrammeRegisteredConsumer(MeetingsDb db, InvitationWorkflow invitations) : IdempotentConsumer<ProgrammeRegistered, MeetingsDb>(db)
{
    protected override Task ApplyAsync(ProgrammeRegistered m, ConsumeContext<ProgrammeRegistered> context, CancellationToken cancellationToken) =>
        Db.UpsertProgrammeAsync(
            invitations, m.ProgrammeId, m.Name, m.StartsOn, m.EndsOn, m.ExpectedKeyOfficials,
            new ExchangeRoles(m.Format, m.Question, m.LeaderPersonId, m.ConvenerPersonId, m.SecretaryPersonId), m.OccurredAt, cancellationToken);
}

/// <summary>An update may overtake the registration: it creates the calendar just the same. A new leader, convener or secretary is invited.</summary>
[ConsumeOneAtATime]
public sealed class ProgrammeUpdatedConsumer(MeetingsDb db, InvitationWorkflow invitations) : IdempotentConsumer<ProgrammeUpdated, MeetingsDb>(db)
{
    protected override Task ApplyAsync(ProgrammeUpdated m, ConsumeContext<ProgrammeUpdated> context, CancellationToken cancellationToken) =>
        Db.UpsertProgrammeAsync(
            invitations, m.ProgrammeId, m.Name, m.StartsOn, m.EndsOn, m.ExpectedKeyOfficials,
            new ExchangeRoles(m.Format, m.Question, m.LeaderPersonId, m.ConvenerPersonId, m.SecretaryPersonId), m.OccurredAt, cancellationToken);
}

[ConsumeOneAtATime]
public sealed class RegionJoinedProgrammeConsumer(MeetingsDb db, InvitationWorkflow invitations, PoliticianQuotas quotas)
    : IdempotentConsumer<RegionJoinedProgramme, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(RegionJoinedProgramme message, ConsumeContext<RegionJoinedProgramme> context, CancellationToken cancellationToken)
    {
        (await Db.RegionAsync(message.RegionId, cancellationToken)).KnowName(message.RegionName);
        var participation = await Db.ParticipationAsync(message.ProgrammeId, message.RegionId, cancellationToken);
        var wasActive = participation.Active;
        if (!participation.Join(message.OccurredAt) || wasActive)
        {
            return;
        }

        await Db.SaveChangesAsync(cancellationToken);
        await invitations.InviteRegionAsync(message.ProgrammeId, message.RegionId, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        await quotas.RefreshAsync(message.ProgrammeId, null, cancellationToken);
    }
}

[ConsumeOneAtATime]
public sealed class RegionLeftProgrammeConsumer(MeetingsDb db, InvitationWorkflow invitations)
    : IdempotentConsumer<RegionLeftProgramme, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(RegionLeftProgramme message, ConsumeContext<RegionLeftProgramme> context, CancellationToken cancellationToken)
    {
        var participation = await Db.ParticipationAsync(message.ProgrammeId, message.RegionId, cancellationToken);
        if (participation.Leave(message.OccurredAt))
        {
            await invitations.WithdrawRegionAsync(message.ProgrammeId, message.RegionId, cancellationToken);
        }
    }
}

internal static class ProgrammeUpsert
{
    public static async Task UpsertProgrammeAsync(
        this MeetingsDb db, InvitationWorkflow invitations, Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials,
        ExchangeRoles roles, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.FindAsync([id], cancellationToken);
        if (programme is null)
        {
            db.Programmes.Add(ProgrammeCalendar.FromRegistry(id, name, startsOn, endsOn, expectedKeyOfficials, roles, occurredAt));
            db.InvitationRosters.Add(InvitationRoster.For(id, occurredAt));
        }
        else if (programme.ApplyRegistry(name, startsOn, endsOn, expectedKeyOfficials, roles, occurredAt) && !programme.IsProgramme)
        {
            // The roles may have changed hands: the invitations to the meetings ahead follow.
            await db.SaveChangesAsync(cancellationToken);
            await invitations.SyncExchangeAsync(programme, cancellationToken);
        }
    }
}
