using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Feedback.Consumers;

/// <summary>Keeps region names for the reviewer pool and the views.</summary>
public sealed class RegionRegisteredConsumer(FeedbackDb db) : IdempotentConsumer<RegionRegistered, FeedbackDb>(db)
{
    protected override Task ApplyAsync(RegionRegistered message, ConsumeContext<RegionRegistered> context, CancellationToken cancellationToken) =>
        Db.UpsertRegionAsync(message.RegionId, message.Name, message.CountyCode, message.OccurredAt, cancellationToken);
}

public sealed class RegionUpdatedConsumer(FeedbackDb db) : IdempotentConsumer<RegionUpdated, FeedbackDb>(db)
{
    protected override Task ApplyAsync(RegionUpdated message, ConsumeContext<RegionUpdated> context, CancellationToken cancellationToken) =>
        Db.UpsertRegionAsync(message.RegionId, message.Name, message.CountyCode, message.OccurredAt, cancellationToken);
}

/// <summary>Keeps the programme's end, after which its drafts are kept only for the configured period.</summary>
public sealed class ProgrammeRegisteredConsumer(FeedbackDb db) : IdempotentConsumer<ProgrammeRegistered, FeedbackDb>(db)
{
    protected override Task ApplyAsync(ProgrammeRegistered message, ConsumeContext<ProgrammeRegistered> context, CancellationToken cancellationToken) =>
        Db.UpsertProgrammeAsync(message.ProgrammeId, message.EndsOn, message.OccurredAt, cancellationToken);
}

public sealed class ProgrammeUpdatedConsumer(FeedbackDb db) : IdempotentConsumer<ProgrammeUpdated, FeedbackDb>(db)
{
    protected override Task ApplyAsync(ProgrammeUpdated message, ConsumeContext<ProgrammeUpdated> context, CancellationToken cancellationToken) =>
        Db.UpsertProgrammeAsync(message.ProgrammeId, message.EndsOn, message.OccurredAt, cancellationToken);
}

/// <summary>A region joining a programme enters that programme's reviewer pool.</summary>
public sealed class RegionJoinedProgrammeConsumer(FeedbackDb db) : IdempotentConsumer<RegionJoinedProgramme, FeedbackDb>(db)
{
    protected override Task ApplyAsync(RegionJoinedProgramme message, ConsumeContext<RegionJoinedProgramme> context, CancellationToken cancellationToken) =>
        Db.SetProgrammeParticipationAsync(message.ProgrammeId, message.RegionId, message.RegionName, active: true, message.OccurredAt, cancellationToken);
}

/// <summary>A region leaving a programme is no longer assigned there; its current assignments stay.</summary>
public sealed class RegionLeftProgrammeConsumer(FeedbackDb db) : IdempotentConsumer<RegionLeftProgramme, FeedbackDb>(db)
{
    protected override Task ApplyAsync(RegionLeftProgramme message, ConsumeContext<RegionLeftProgramme> context, CancellationToken cancellationToken) =>
        Db.SetProgrammeParticipationAsync(message.ProgrammeId, message.RegionId, regionName: null, active: false, message.OccurredAt, cancellationToken);
}
