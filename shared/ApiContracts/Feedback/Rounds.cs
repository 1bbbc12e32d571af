using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Feedback.ApiContracts;

public sealed record LensView(string Code, LensGroup Group, string Name, string Description);

public sealed record LensRef(string Code, string Name);

public sealed record OpenRoundRequest(
    DateTimeOffset Deadline,
    [property: Required, MinLength(1)] IReadOnlyList<string> LensCodes,
    [property: Range(1, FeedbackLimits.MaxReviewerCount)] int ReviewerCount = 2,
    Guid? ProgrammeId = null,
    bool AssignReviewers = true);

public sealed record CloseRoundRequest([property: Range(1, long.MaxValue)] long Version);

public sealed record OverrideReviewersRequest(
    [property: Required, MinLength(1)] IReadOnlyList<Guid> RegionIds,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record AssignBatchRequest(IReadOnlyList<Guid>? RoundIds);

public sealed record ReviewerView(Guid RegionId, string RegionName, AssignmentSource Source, FeedbackStatus? FeedbackStatus, bool? Late);

public sealed record RoundView(
    Guid Id,
    Guid DocumentId,
    string DocumentTitle,
    Guid VersionId,
    int VersionNumber,
    Guid ProgrammeId,
    Guid AuthorRegionId,
    string AuthorRegionName,
    DateTimeOffset Deadline,
    IReadOnlyList<LensRef> Lenses,
    int ReviewerCount,
    RoundStatus Status,
    IReadOnlyList<ReviewerView> Reviewers,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    FeedbackRoundCloseReason? CloseReason,
    bool FeedbackReleased,
    long Version);

public sealed record BatchAssignmentView(IReadOnlyList<RoundView> Rounds, IReadOnlyDictionary<Guid, int> LoadsAfter);
