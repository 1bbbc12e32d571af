namespace KollegialtUtbyte.Feedback.ApiContracts;

public sealed record RecordPriorityRequest(
    [property: Required, StringLength(FeedbackLimits.PriorityTitleMaxLength, MinimumLength = 1)] string Title,
    [property: StringLength(FeedbackLimits.PriorityTextMaxLength)] string? Description);

/// <summary>A result under a priority; <c>VersionNumber</c> needs <c>DocumentId</c> (one of the region's own strategy documents).</summary>
public sealed record AddPriorityResultRequest(
    [property: Required, StringLength(FeedbackLimits.PriorityTextMaxLength, MinimumLength = 1)] string Text,
    [property: Required] DateOnly? AchievedOn,
    Guid? DocumentId,
    [property: Range(1, int.MaxValue)] int? VersionNumber,
    Guid? MeetingId);

/// <summary>Feedback the region received (from <c>ReviewerRegionId</c> in round <c>RoundId</c>), as a whole or one suggestion.</summary>
public sealed record LinkPriorityFeedbackRequest(
    [property: Required] Guid? RoundId,
    [property: Required] Guid? ReviewerRegionId,
    [property: Range(1, int.MaxValue)] int? SuggestionNumber);

public sealed record PriorityResultView(
    Guid Id, string Text, DateOnly AchievedOn, Guid? DocumentId, string? DocumentTitle, int? DocumentVersionNumber, Guid? MeetingId, DateTimeOffset RecordedAt);

public sealed record PriorityFeedbackView(
    Guid RoundId,
    string DocumentTitle,
    Guid ReviewerRegionId,
    string ReviewerRegionName,
    int? SuggestionNumber,
    string? SuggestionText,
    SuggestionDecision? Decision,
    string? ResponseNote);

public sealed record PriorityView(
    Guid Id,
    Guid ProgrammeId,
    Guid RegionId,
    string RegionName,
    int Number,
    string Title,
    string? Description,
    IReadOnlyList<PriorityResultView> Results,
    IReadOnlyList<PriorityFeedbackView> Feedback,
    long Version);

/// <summary>
/// One region's exchange in a programme: drafts it put up for feedback (rounds opened), feedback it
/// gave and received (submitted), how it answered the suggestions it received, and its priorities.
/// </summary>
public sealed record RegionExchange(
    Guid RegionId,
    string RegionName,
    int DraftsSubmitted,
    int FeedbackGiven,
    int FeedbackReceived,
    int SuggestionsReceived,
    int SuggestionsAdopted,
    int SuggestionsPartlyAdopted,
    int SuggestionsNotAdopted,
    int Priorities,
    int Results);

/// <summary>The feedback service's part of a programme's effects report.</summary>
public sealed record FeedbackEffectsResponse(Guid ProgrammeId, IReadOnlyList<RegionExchange> Regions, IReadOnlyList<PriorityView> Priorities);
