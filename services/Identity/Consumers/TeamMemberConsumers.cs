using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Identity.Consumers;

/// <summary>A place in a region's team: provisions the person's account or adds the place's roles to it.</summary>
public sealed class TeamMemberJoinedConsumer(IdentityDb db, DirectorySync directory) : IdempotentConsumer<TeamMemberJoined, IdentityDb>(db)
{
    protected override Task ApplyAsync(TeamMemberJoined m, ConsumeContext<TeamMemberJoined> context, CancellationToken cancellationToken) =>
        directory.ApplyTeamPlaceAsync(m.PersonId, new(m.Name, m.Email, m.PreferredLanguage), m.ProgrammeId, m.RegionId, m.Role, m.RegionName, m.OccurredAt, cancellationToken);
}

/// <summary>Also applies an update that arrives before the join it follows (as an upsert).</summary>
public sealed class TeamMemberUpdatedConsumer(IdentityDb db, DirectorySync directory) : IdempotentConsumer<TeamMemberUpdated, IdentityDb>(db)
{
    protected override Task ApplyAsync(TeamMemberUpdated m, ConsumeContext<TeamMemberUpdated> context, CancellationToken cancellationToken) =>
        directory.ApplyTeamPlaceAsync(m.PersonId, new(m.Name, m.Email, m.PreferredLanguage), m.ProgrammeId, m.RegionId, m.Role, m.RegionName, m.OccurredAt, cancellationToken);
}

/// <summary>The place's roles leave the account (its granted roles stay); a late "joined" cannot bring them back.</summary>
public sealed class TeamMemberLeftConsumer(IdentityDb db, DirectorySync directory) : IdempotentConsumer<TeamMemberLeft, IdentityDb>(db)
{
    protected override async Task ApplyAsync(TeamMemberLeft message, ConsumeContext<TeamMemberLeft> context, CancellationToken cancellationToken)
    {
        var person = await directory.PersonAsync(message.PersonId, cancellationToken);
        var membership = await directory.MembershipAsync(message.PersonId, message.ProgrammeId, message.RegionId, cancellationToken);
        membership.ApplyLeft(message.Role, message.OccurredAt);
        await directory.ReconcileAsync(person, cancellationToken);
    }
}
