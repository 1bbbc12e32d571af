using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Feedback.Consumers;

/// <summary>Team members may act for their region here: manage its documents and write its feedback.</summary>
public sealed class TeamMemberJoinedConsumer(FeedbackDb db) : IdempotentConsumer<TeamMemberJoined, FeedbackDb>(db)
{
    protected override Task ApplyAsync(TeamMemberJoined message, ConsumeContext<TeamMemberJoined> context, CancellationToken cancellationToken) =>
        Db.UpsertTeamMemberAsync(message.ProgrammeId, message.RegionId, message.PersonId, message.Role, message.Name, message.Email, message.OccurredAt, cancellationToken);
}

/// <summary>An update may arrive before the join it follows; it then creates the member.</summary>
public sealed class TeamMemberUpdatedConsumer(FeedbackDb db) : IdempotentConsumer<TeamMemberUpdated, FeedbackDb>(db)
{
    protected override Task ApplyAsync(TeamMemberUpdated message, ConsumeContext<TeamMemberUpdated> context, CancellationToken cancellationToken) =>
        Db.UpsertTeamMemberAsync(message.ProgrammeId, message.RegionId, message.PersonId, message.Role, message.Name, message.Email, message.OccurredAt, cancellationToken);
}

public sealed class TeamMemberLeftConsumer(FeedbackDb db) : IdempotentConsumer<TeamMemberLeft, FeedbackDb>(db)
{
    protected override Task ApplyAsync(TeamMemberLeft message, ConsumeContext<TeamMemberLeft> context, CancellationToken cancellationToken) =>
        Db.RemoveTeamMemberAsync(message.ProgrammeId, message.RegionId, message.PersonId, message.Role, message.OccurredAt, cancellationToken);
}
