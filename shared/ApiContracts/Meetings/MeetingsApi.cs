using KollegialtUtbyte.ApiContracts;
using static KollegialtUtbyte.Meetings.ApiContracts.MeetingsRoutes;

namespace KollegialtUtbyte.Meetings.ApiContracts;

/// <summary>
/// Meetings' typed client: one method per operation, answering the service's own records, or the
/// problem it reported. The <see cref="HttpClient"/> given carries the base address, the access
/// token and the resilience policy of its caller.
/// </summary>
public sealed class MeetingsApi(HttpClient http) : ApiClient(http)
{
    // The programme calendar.

    public Task<ApiResult<List<ProgrammeCalendarResponse>>> ProgrammesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<ProgrammeCalendarResponse>>(PathOf(Programmes), cancellationToken);

    public Task<ApiResult<ProgrammeCalendarResponse>> ProgrammeAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<ProgrammeCalendarResponse>(PathOf(Programme, programmeId), cancellationToken);

    public Task<ApiResult<ProgrammeCalendarResponse>> ChangeCalendarAsync(Guid programmeId, ChangeCalendarRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<ProgrammeCalendarResponse>(PathOf(Programme, programmeId), request, cancellationToken);

    public Task<ApiResult<PublishPlanResponse>> PublishPlanAsync(Guid programmeId, PublishPlanRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<PublishPlanResponse>(PathOf(PublishPlan, programmeId), request, cancellationToken);

    // Meetings and their agendas.

    public Task<ApiResult<List<MeetingResponse>>> MeetingsAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<List<MeetingResponse>>(PathOf(ProgrammeMeetings, programmeId), cancellationToken);

    public Task<ApiResult<MeetingResponse>> MeetingAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        GetAsync<MeetingResponse>(PathOf(Meeting, meetingId), cancellationToken);

    public Task<ApiResult<MeetingResponse>> ScheduleAsync(Guid programmeId, ScheduleMeetingRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<MeetingResponse>(PathOf(ProgrammeMeetings, programmeId), request, cancellationToken);

    public Task<ApiResult<MeetingResponse>> RescheduleAsync(Guid meetingId, RescheduleMeetingRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<MeetingResponse>(PathOf(Meeting, meetingId), request, cancellationToken);

    public Task<ApiResult<MeetingResponse>> CancelAsync(Guid meetingId, CancelMeetingRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<MeetingResponse>(PathOf(CancelMeeting, meetingId), request, cancellationToken);

    public Task<ApiResult<MeetingResponse>> MarkHeldAsync(Guid meetingId, MeetingVersionRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<MeetingResponse>(PathOf(MeetingHeld, meetingId), request, cancellationToken);

    public Task<ApiResult<MeetingResponse>> ChangeAgendaAsync(Guid meetingId, ChangeAgendaRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<MeetingResponse>(PathOf(Agenda, meetingId), request, cancellationToken);

    // Invitations and answers.

    public Task<ApiResult<List<InvitationResponse>>> InvitationsAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        GetAsync<List<InvitationResponse>>(PathOf(MeetingInvitations, meetingId), cancellationToken);

    public Task<ApiResult<List<TeamAnswerResponse>>> TeamAnswersAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        GetAsync<List<TeamAnswerResponse>>(PathOf(TeamAnswers, meetingId), cancellationToken);

    public Task<ApiResult<List<MyInvitationResponse>>> MyInvitationsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<MyInvitationResponse>>(PathOf(MyInvitations), cancellationToken);

    public Task<ApiResult<AnswerResponse>> AnswerAsync(Guid invitationId, AnswerInvitationRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<AnswerResponse>(PathOf(AnswerInvitation, invitationId), request, cancellationToken);

    /// <summary>Answers with an answer link's token, without signing in.</summary>
    public Task<ApiResult<AnswerResponse>> AnswerByLinkAsync(OneClickAnswerRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<AnswerResponse>(PathOf(AnswerLink), request, cancellationToken);

    // Attendance, representation and the politicians' quota.

    public Task<ApiResult<AttendanceResponse>> RecordAttendanceAsync(Guid meetingId, RecordAttendanceRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<AttendanceResponse>(PathOf(Attendance, meetingId), request, cancellationToken);

    public Task<ApiResult<RepresentationResponse>> RepresentationAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        GetAsync<RepresentationResponse>(PathOf(Representation, meetingId), cancellationToken);

    public Task<ApiResult<List<QuotaResponse>>> QuotaAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<List<QuotaResponse>>(PathOf(Quota, programmeId), cancellationToken);

    public Task<ApiResult<QuotaResponse>> MyQuotaAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<QuotaResponse>(PathOf(MyQuota, programmeId), cancellationToken);

    // Documentation.

    public Task<ApiResult<DocumentationResponse>> DocumentationAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        GetAsync<DocumentationResponse>(PathOf(Documentation, meetingId), cancellationToken);

    public Task<ApiResult<List<DocumentationResponse>>> DocumentationRevisionsAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        GetAsync<List<DocumentationResponse>>(PathOf(DocumentationRevisions, meetingId), cancellationToken);

    public Task<ApiResult<DocumentationResponse>> DocumentationRevisionAsync(Guid meetingId, int revision, CancellationToken cancellationToken = default) =>
        GetAsync<DocumentationResponse>(PathOf(DocumentationRevision, meetingId, revision), cancellationToken);

    public Task<ApiResult<DocumentationResponse>> WriteDocumentationAsync(Guid meetingId, WriteDocumentationRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<DocumentationResponse>(PathOf(Documentation, meetingId), request, cancellationToken);

    public Task<ApiResult<DocumentationResponse>> ApproveDocumentationAsync(Guid meetingId, ApproveDocumentationRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<DocumentationResponse>(PathOf(ApproveDocumentation, meetingId), request, cancellationToken);

    /// <summary>The convener or secretary of a member network signs its meeting's protocol.</summary>
    public Task<ApiResult<DocumentationResponse>> SignProtocolAsync(Guid meetingId, SignProtocolRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<DocumentationResponse>(PathOf(DocumentationSignatures, meetingId), request, cancellationToken);

    public Task<ApiResult<DocumentationResponse>> CorrectDocumentationAsync(Guid meetingId, CorrectDocumentationRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<DocumentationResponse>(PathOf(DocumentationCorrections, meetingId), request, cancellationToken);

    // Actions on decisions.

    public Task<ApiResult<ActionResponse>> CreateActionAsync(Guid meetingId, string pointNumber, CreateActionRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<ActionResponse>(PathOf(PointActions, meetingId, pointNumber), request, cancellationToken);

    public Task<ApiResult<List<ActionResponse>>> MeetingActionsAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        GetAsync<List<ActionResponse>>(PathOf(MeetingActions, meetingId), cancellationToken);

    public Task<ApiResult<List<ActionResponse>>> MyActionsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<ActionResponse>>(PathOf(MyActions), cancellationToken);

    public Task<ApiResult<ActionResponse>> ActionAsync(Guid actionId, CancellationToken cancellationToken = default) =>
        GetAsync<ActionResponse>(PathOf(MeetingsRoutes.Action, actionId), cancellationToken);

    public Task<ApiResult<ActionResponse>> ChangeActionAsync(Guid actionId, ChangeActionRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<ActionResponse>(PathOf(MeetingsRoutes.Action, actionId), request, cancellationToken);

    public Task<ApiResult<ActionResponse>> RecordProgressAsync(Guid actionId, RecordProgressRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<ActionResponse>(PathOf(ActionProgress, actionId), request, cancellationToken);

    /// <summary>A programme's actions, narrowed by the filters given (all of them when none is).</summary>
    public Task<ApiResult<List<ActionResponse>>> ProgrammeActionsAsync(
        Guid programmeId, Guid? regionId = null, string? theme = null, Guid? ownerId = null, ActionStatus? status = null, bool? overdue = null,
        CancellationToken cancellationToken = default) =>
        GetAsync<List<ActionResponse>>(
            RouteTemplate.Query(
                PathOf(ProgrammeActions, programmeId),
                ("regionId", regionId), ("theme", string.IsNullOrEmpty(theme) ? null : theme), ("ownerId", ownerId), ("status", status),
                ("overdue", overdue is { } late ? (late ? "true" : "false") : null)),
            cancellationToken);

    // Calendars.

    /// <summary>The path of a meeting's .ics file; the caller streams it.</summary>
    public static string CalendarPath(Guid meetingId) => PathOf(MeetingCalendar, meetingId);

    /// <summary>A new address of the caller's calendar feed, revoking the earlier one.</summary>
    public Task<ApiResult<CalendarFeedResponse>> IssueCalendarFeedAsync(CancellationToken cancellationToken = default) =>
        PostAsync<CalendarFeedResponse>(PathOf(CalendarFeed), null, cancellationToken);

    public Task<ApiResult<object>> RevokeCalendarFeedAsync(CancellationToken cancellationToken = default) =>
        SendAsync<object>(new HttpRequestMessage(HttpMethod.Delete, PathOf(CalendarFeed)), cancellationToken);

    // Statistics and effects.

    public Task<ApiResult<AttendanceStatisticsReport>> StatisticsAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<AttendanceStatisticsReport>(PathOf(Statistics, programmeId), cancellationToken);

    /// <summary>The path of the statistics as CSV; the caller streams it.</summary>
    public static string StatisticsCsvPath(Guid programmeId) => PathOf(StatisticsCsv, programmeId);

    public Task<ApiResult<MeetingsEffectsResponse>> EffectsAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<MeetingsEffectsResponse>(PathOf(Effects, programmeId), cancellationToken);
}
