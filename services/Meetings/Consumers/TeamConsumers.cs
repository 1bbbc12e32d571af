using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Meetings.Consumers;

/// <summary>A new team member is invited to the published meetings still ahead.</summary>
[ConsumeOneAtATime]
public sealed class TeamMemberJoinedConsumer(MeetingsDb db, InvitationWorkflow invitations, PoliticianQuotas quotas)
    : IdempotentConsumer<TeamMemberJoined, MeetingsDb>(db)
{
    protected override Task ApplyAsync(TeamMemberJoined m, ConsumeContext<TeamMemberJoined> context, CancellationToken cancellationToken) =>
        TeamMembers.JoinAsync(Db, invitations, quotas, m, cancellationToken);
}

/// <summary>An update implies membership, so it also stands in for a join that has not arrived yet.</summary>
[ConsumeOneAtATime]
public sealed class TeamMemberUpdatedConsumer(MeetingsDb db, InvitationWorkflow invitations, PoliticianQuotas quotas)
    : IdempotentConsumer<TeamMemberUpdated, MeetingsDb>(db)
{
    protected override Task ApplyAsync(TeamMemberUpdated m, ConsumeContext<TeamMemberUpdated> context, CancellationToken cancellationToken) =>
        TeamMembers.JoinAsync(
            Db, invitations, quotas,
            new TeamMemberJoined(m.ProgrammeId, m.RegionId, m.RegionName, m.PersonId, m.Role, m.Name, m.Email, m.Title, m.PreferredLanguage, m.Gender, m.OccurredAt),
            cancellationToken);
}

/// <summary>Someone who leaves has their invitations to meetings still ahead withdrawn.</summary>
[ConsumeOneAtATime]
public sealed class TeamMemberLeftConsumer(MeetingsDb db, InvitationWorkflow invitations)
    : IdempotentConsumer<TeamMemberLeft, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(TeamMemberLeft message, ConsumeContext<TeamMemberLeft> context, CancellationToken cancellationToken)
    {
        var membership = await Db.MembershipAsync(message.ProgrammeId, message.RegionId, message.PersonId, cancellationToken);
        if (membership.Apply(message.Role, active: false, message.OccurredAt))
        {
            await invitations.WithdrawMemberAsync(message.ProgrammeId, message.RegionId, message.PersonId, cancellationToken);
        }
    }
}

public sealed class PersonUpdatedConsumer(MeetingsDb db) : IdempotentConsumer<PersonUpdated, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(PersonUpdated m, ConsumeContext<PersonUpdated> context, CancellationToken cancellationToken)
    {
        var person = await Db.PersonAsync(m.PersonId, cancellationToken);
        person.ApplyDirectory(m.Name, m.Email, m.Title, m.OrganisationName, m.RegionId, m.PreferredLanguage, m.OccurredAt);
    }
}

/// <summary>A person's self-declared gender, for the aggregated statistics only; it may arrive before her other details.</summary>
public sealed class PersonGenderStatedConsumer(MeetingsDb db) : IdempotentConsumer<PersonGenderStated, MeetingsDb>(db)
{
    protected override async Task ApplyAsync(PersonGenderStated m, ConsumeContext<PersonGenderStated> context, CancellationToken cancellationToken) =>
        (await Db.PersonAsync(m.PersonId, cancellationToken)).StateGender(m.Gender, m.OccurredAt);
}

internal static class TeamMembers
{
    public static async Task JoinAsync(MeetingsDb db, InvitationWorkflow invitations, PoliticianQuotas quotas, TeamMemberJoined news, CancellationToken cancellationToken)
    {
        var person = await db.PersonAsync(news.PersonId, cancellationToken);
        if (person.IsErased)
        {
            // Late news of an erased person: she is not invited again under any name.
            return;
        }

        person.ApplyTeamDetails(news.Name, news.Email, news.Title, news.PreferredLanguage, news.OccurredAt);
        (await db.RegionAsync(news.RegionId, cancellationToken)).KnowName(news.RegionName);
        var membership = await db.MembershipAsync(news.ProgrammeId, news.RegionId, news.PersonId, cancellationToken);
        if (!membership.Apply(news.Role, active: true, news.OccurredAt))
        {
            return;
        }

        // The invitations and the quota read what was just written (all in the consumer's transaction).
        await db.SaveChangesAsync(cancellationToken);
        await invitations.InviteMemberAsync(membership, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await quotas.RefreshAsync(news.ProgrammeId, [news.PersonId], cancellationToken);
    }
}
