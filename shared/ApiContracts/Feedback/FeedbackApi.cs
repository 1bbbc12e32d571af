using KollegialtUtbyte.ApiContracts;
using static KollegialtUtbyte.Feedback.ApiContracts.FeedbackRoutes;

namespace KollegialtUtbyte.Feedback.ApiContracts;

/// <summary>
/// Feedback's typed client: one method per operation, answering the service's own records, or the
/// problem it reported. The <see cref="HttpClient"/> given carries the base address, the access
/// token and the resilience policy of its caller.
/// </summary>
public sealed class FeedbackApi(HttpClient http) : ApiClient(http)
{
    public Task<ApiResult<List<LensView>>> LensesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<LensView>>(PathOf(Lenses), cancellationToken);

    // Documents and their versions.

    public Task<ApiResult<List<DocumentView>>> DocumentsAsync(Guid? regionId = null, CancellationToken cancellationToken = default) =>
        GetAsync<List<DocumentView>>(RouteTemplate.Query(PathOf(Documents), ("regionId", regionId)), cancellationToken);

    public Task<ApiResult<DocumentView>> DocumentAsync(Guid documentId, CancellationToken cancellationToken = default) =>
        GetAsync<DocumentView>(PathOf(Document, documentId), cancellationToken);

    public Task<ApiResult<DocumentView>> CreateDocumentAsync(CreateDocumentRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<DocumentView>(PathOf(Documents), request, cancellationToken);

    public Task<ApiResult<DocumentView>> UpdateDocumentAsync(Guid documentId, UpdateDocumentRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<DocumentView>(PathOf(Document, documentId), request, cancellationToken);

    /// <summary>The path a new version's file is posted to (multipart: <c>file</c>, optional <c>note</c>); uploads stream, so the caller sends them.</summary>
    public static string UploadPath(Guid documentId) => PathOf(DocumentVersions, documentId);

    /// <summary>The path of a version's file; downloads stream, so the caller sends them.</summary>
    public static string FilePath(Guid documentId, int number) => PathOf(DocumentVersionFile, documentId, number);

    public Task<ApiResult<LearningLogView>> LearningLogAsync(Guid documentId, CancellationToken cancellationToken = default) =>
        GetAsync<LearningLogView>(PathOf(LearningLog, documentId), cancellationToken);

    public Task<ApiResult<LearningNoteView>> AddLearningNoteAsync(Guid documentId, AddLearningNoteRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<LearningNoteView>(PathOf(LearningLog, documentId), request, cancellationToken);

    // Rounds.

    /// <summary>Rounds the caller may see; <paramref name="role"/> is <c>author</c> or <c>reviewer</c> to narrow them to the caller's regions' part.</summary>
    public Task<ApiResult<List<RoundView>>> RoundsAsync(string? role = null, Guid? programmeId = null, CancellationToken cancellationToken = default) =>
        GetAsync<List<RoundView>>(RouteTemplate.Query(PathOf(Rounds), ("role", role), ("programmeId", programmeId)), cancellationToken);

    public Task<ApiResult<RoundView>> RoundAsync(Guid roundId, CancellationToken cancellationToken = default) =>
        GetAsync<RoundView>(PathOf(Round, roundId), cancellationToken);

    public Task<ApiResult<RoundView>> OpenRoundAsync(Guid documentId, int versionNumber, OpenRoundRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<RoundView>(PathOf(OpenRound, documentId, versionNumber), request, cancellationToken);

    public Task<ApiResult<RoundView>> CloseRoundAsync(Guid roundId, CloseRoundRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<RoundView>(PathOf(CloseRound, roundId), request, cancellationToken);

    public Task<ApiResult<RoundView>> OverrideReviewersAsync(Guid roundId, OverrideReviewersRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<RoundView>(PathOf(RoundReviewers, roundId), request, cancellationToken);

    public Task<ApiResult<BatchAssignmentView>> AssignReviewersAsync(AssignBatchRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<BatchAssignmentView>(PathOf(Assignments), request, cancellationToken);

    // Feedback in a round.

    public Task<ApiResult<List<FeedbackView>>> RoundFeedbackAsync(Guid roundId, CancellationToken cancellationToken = default) =>
        GetAsync<List<FeedbackView>>(PathOf(RoundFeedback, roundId), cancellationToken);

    public Task<ApiResult<FeedbackView>> FeedbackAsync(Guid roundId, Guid reviewerRegionId, CancellationToken cancellationToken = default) =>
        GetAsync<FeedbackView>(PathOf(ReviewerFeedback, roundId, reviewerRegionId), cancellationToken);

    public Task<ApiResult<FeedbackView>> SaveFeedbackAsync(Guid roundId, Guid reviewerRegionId, SaveFeedbackRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<FeedbackView>(PathOf(ReviewerFeedback, roundId, reviewerRegionId), request, cancellationToken);

    public Task<ApiResult<FeedbackView>> SubmitFeedbackAsync(Guid roundId, Guid reviewerRegionId, SubmitFeedbackRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<FeedbackView>(PathOf(SubmitFeedback, roundId, reviewerRegionId), request, cancellationToken);

    public Task<ApiResult<FeedbackView>> RespondAsync(Guid roundId, Guid reviewerRegionId, RespondRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<FeedbackView>(PathOf(FeedbackResponses, roundId, reviewerRegionId), request, cancellationToken);

    // Priorities and effects.

    public Task<ApiResult<List<PriorityView>>> PrioritiesAsync(Guid programmeId, Guid regionId, CancellationToken cancellationToken = default) =>
        GetAsync<List<PriorityView>>(PathOf(RegionPriorities, programmeId, regionId), cancellationToken);

    public Task<ApiResult<List<PriorityView>>> ProgrammePrioritiesAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<List<PriorityView>>(PathOf(ProgrammePriorities, programmeId), cancellationToken);

    public Task<ApiResult<PriorityView>> RecordPriorityAsync(Guid programmeId, Guid regionId, RecordPriorityRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<PriorityView>(PathOf(RegionPriorities, programmeId, regionId), request, cancellationToken);

    public Task<ApiResult<PriorityView>> PriorityAsync(Guid priorityId, CancellationToken cancellationToken = default) =>
        GetAsync<PriorityView>(PathOf(Priority, priorityId), cancellationToken);

    public Task<ApiResult<PriorityView>> AddPriorityResultAsync(Guid priorityId, AddPriorityResultRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<PriorityView>(PathOf(PriorityResults, priorityId), request, cancellationToken);

    public Task<ApiResult<PriorityView>> LinkPriorityFeedbackAsync(Guid priorityId, LinkPriorityFeedbackRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<PriorityView>(PathOf(PriorityFeedback, priorityId), request, cancellationToken);

    public Task<ApiResult<FeedbackEffectsResponse>> EffectsAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<FeedbackEffectsResponse>(PathOf(Effects, programmeId), cancellationToken);
}
