namespace KollegialtUtbyte.Feedback.ApiContracts;

public sealed record LensFeedbackRequest(
    [property: Required, StringLength(FeedbackLimits.LensCodeMaxLength)] string LensCode,
    [property: StringLength(FeedbackLimits.FeedbackStrengthsMaxLength)] string? Strengths,
    IReadOnlyList<string>? Suggestions);

/// <summary><c>Version</c> is 0 to start the region's feedback, otherwise the version last read.</summary>
public sealed record SaveFeedbackRequest(
    [property: StringLength(FeedbackLimits.FeedbackSummaryMaxLength)] string? Summary,
    [property: Required] IReadOnlyList<LensFeedbackRequest> Lenses,
    [property: Range(0, long.MaxValue)] long Version);

public sealed record SubmitFeedbackRequest([property: Range(1, long.MaxValue)] long Version);

public sealed record SuggestionResponseRequest(
    [property: Range(1, 10_000)] int SuggestionNumber,
    SuggestionDecision Decision,
    [property: StringLength(FeedbackLimits.FeedbackNoteMaxLength)] string? Note);

public sealed record RespondRequest(
    [property: Required, MinLength(1)] IReadOnlyList<SuggestionResponseRequest> Responses,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record SuggestionView(int Number, string Text, SuggestionDecision? Decision, string? ResponseNote, DateTimeOffset? RespondedAt);

public sealed record LensFeedbackView(string LensCode, string LensName, string? Strengths, IReadOnlyList<SuggestionView> Suggestions);

public sealed record FeedbackView(
    Guid Id,
    Guid RoundId,
    Guid ReviewerRegionId,
    string ReviewerRegionName,
    FeedbackStatus Status,
    string? Summary,
    IReadOnlyList<LensFeedbackView> Lenses,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    bool Late,
    long Version);
