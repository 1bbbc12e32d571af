using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Feedback.ApiContracts;

public sealed record CreateDocumentRequest(
    [property: Required, StringLength(FeedbackLimits.DocumentTitleMaxLength, MinimumLength = 1)] string Title,
    StrategyDocumentKind Kind,
    [property: StringLength(FeedbackLimits.DocumentDescriptionMaxLength)] string? Description,
    Guid? RegionId = null);

public sealed record UpdateDocumentRequest(
    [property: Required, StringLength(FeedbackLimits.DocumentTitleMaxLength, MinimumLength = 1)] string Title,
    StrategyDocumentKind Kind,
    [property: StringLength(FeedbackLimits.DocumentDescriptionMaxLength)] string? Description,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record VersionView(
    Guid Id,
    int Number,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string? Note,
    DateTimeOffset UploadedAt,
    string DownloadPath);

public sealed record DocumentView(
    Guid Id,
    Guid RegionId,
    string RegionName,
    string Title,
    StrategyDocumentKind Kind,
    string? Description,
    int LatestVersionNumber,
    IReadOnlyList<VersionView> Versions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);

public sealed record AddLearningNoteRequest(
    [property: Required, StringLength(FeedbackLimits.LearningNoteMaxLength, MinimumLength = 1)] string Text,
    [property: Range(1, int.MaxValue)] int? VersionNumber);

public sealed record LearningNoteView(Guid Id, int? VersionNumber, string Text, DateTimeOffset CreatedAt, Guid CreatedByPersonId);

public sealed record LearningLogSuggestion(
    Guid RoundId,
    Guid ReviewerRegionId,
    string ReviewerRegionName,
    int Number,
    string LensCode,
    string Text,
    SuggestionDecision? Decision,
    string? ResponseNote,
    DateTimeOffset? RespondedAt);

public sealed record LearningLogVersion(int VersionNumber, DateTimeOffset UploadedAt, IReadOnlyList<LearningLogSuggestion> Suggestions, IReadOnlyList<LearningNoteView> Notes);

public sealed record LearningLogView(Guid DocumentId, string Title, IReadOnlyList<LearningLogVersion> Versions, IReadOnlyList<LearningNoteView> GeneralNotes);
