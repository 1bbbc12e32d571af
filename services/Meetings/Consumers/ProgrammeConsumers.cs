using KollegialtUtbyte.Meetings.Application;
using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Meetings.Consumers;

/// <summary>A programme in the registry gets a calendar with the defaults of seed 001 (or, if the seeder made one first, takes the registry's name and period).</summary>
public sealed class ProgrammeRegisteredConsumer(MeetingsDb db) : IdempotentConsumer<ProgrammeRegistered, MeetingsDb>(db)
{
    protected override Task ApplyAsync(ProgrammeRegistered message, ConsumeContext<ProgrammeRegistered> context, CancellationToken cancellationToken) =>
        Db.UpsertProgrammeAsync(message.ProgrammeId, message.Name, message.StartsOn, message.EndsOn, message.ExpectedKeyOfficials, message.OccurredAt, cancellationToken);
}

/// <summary>An update may overtake the registration: it creates the calendar just the same.</summary>
public sealed class ProgrammeUpdatedConsumer(MeetingsDb db) : IdempotentConsumer<ProgrammeUpdated, MeetingsDb>(db)
{
    protected override Task ApplyAsync(ProgrammeUpdated message, ConsumeContext<ProgrammeUpdated> context, CancellationToken cancellationToken) =>
        Db.UpsertProgrammeAsync(message.ProgrammeId, message.Name, message.StartsOn, message.EndsOn, message.ExpectedKeyOfficials, message.OccurredAt, cancellationToken);
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
    public static async Task UpsertProgrammeAsync(this MeetingsDb db, Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.FindAsync([id], cancellationToken);
        if (programme is null)
        {
            db.Programmes.Add(ProgrammeCalendar.FromRegistry(id, name, startsOn, endsOn, expectedKeyOfficials, occurredAt));
            db.InvitationRosters.Add(InvitationRoster.For(id, occurredAt));
        }
        else
        {
            programme.ApplyRegistry(name, startsOn, endsOn, expectedKeyOfficials, occurredAt);
        }
    }
}
