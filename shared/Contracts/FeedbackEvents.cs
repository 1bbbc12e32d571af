namespace KollegialtUtbyte.Contracts;

// Published by the Feedback service.

public sealed record StrategyDraftSubmitted(
    Guid DocumentId,
    Guid VersionId,
    Guid RegionId,
    string Title,
    StrategyDocumentKind Kind,
    int VersionNumber,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    Guid SubmittedByPersonId,
    DateTimeOffset OccurredAt);

public sealed record FeedbackRoundOpened(
    Guid RoundId,
    Guid DocumentId,
    Guid VersionId,
    Guid AuthorRegionId,
    string DocumentTitle,
    DateTimeOffset Deadline,
    IReadOnlyList<string> LensCodes,
    int ReviewerCount,
    DateTimeOffset OccurredAt);

public sealed record ReviewersAssigned(
    Guid RoundId,
    Guid DocumentId,
    Guid AuthorRegionId,
    string DocumentTitle,
    DateTimeOffset Deadline,
    IReadOnlyList<Guid> ReviewerRegionIds,
    DateTimeOffset OccurredAt);

public sealed record FeedbackSubmitted(
    Guid FeedbackId,
    Guid RoundId,
    Guid DocumentId,
    Guid AuthorRegionId,
    Guid ReviewerRegionId,
    bool Late,
    DateTimeOffset OccurredAt);

/// <summary>The round closed and its feedback is now released to the author region.</summary>
public sealed record FeedbackRoundClosed(
    Guid RoundId,
    Guid DocumentId,
    Guid AuthorRegionId,
    string DocumentTitle,
    FeedbackRoundCloseReason Reason,
    int FeedbackCount,
    DateTimeOffset OccurredAt);

public sealed record FeedbackResponseGiven(
    Guid RoundId,
    Guid FeedbackId,
    Guid DocumentId,
    Guid AuthorRegionId,
    Guid ReviewerRegionId,
    DateTimeOffset OccurredAt);

/// <summary>
/// An administrator changed the reviewing regions of a round that already had reviewers.
/// <c>ReviewerRegionIds</c> is the complete new list; <c>AddedRegionIds</c> now have to review,
/// <c>RemovedRegionIds</c> no longer do.
/// </summary>
public sealed record ReviewersReassigned(
    Guid RoundId,
    Guid DocumentId,
    Guid AuthorRegionId,
    string DocumentTitle,
    DateTimeOffset Deadline,
    IReadOnlyList<Guid> ReviewerRegionIds,
    IReadOnlyList<Guid> AddedRegionIds,
    IReadOnlyList<Guid> RemovedRegionIds,
    Guid ReassignedByPersonId,
    DateTimeOffset OccurredAt);
