using KollegialtUtbyte.ApiContracts;

namespace KollegialtUtbyte.Meetings.ApiContracts;

/// <summary>
/// Meetings' routes: the service maps these templates under <see cref="Prefix"/>, and
/// <see cref="MeetingsApi"/> fills the same templates, so a route changes in one place.
/// </summary>
public static class MeetingsRoutes
{
    public const string Prefix = "/api/meetings";

    public const string Programmes = "/programmes";
    public const string Programme = "/programmes/{programmeId:guid}";
    public const string PublishPlan = "/programmes/{programmeId:guid}/publish";

    public const string ProgrammeMeetings = "/programmes/{programmeId:guid}/meetings";
    public const string Meeting = "/{meetingId:guid}";
    public const string CancelMeeting = "/{meetingId:guid}/cancel";
    public const string MeetingHeld = "/{meetingId:guid}/held";
    public const string Agenda = "/{meetingId:guid}/agenda";

    public const string MeetingInvitations = "/{meetingId:guid}/invitations";
    public const string TeamAnswers = "/{meetingId:guid}/invitations/team";
    public const string MyInvitations = "/invitations/mine";
    public const string AnswerInvitation = "/invitations/{invitationId:guid}/answer";

    /// <summary>The answer link of the invitation mail (GET shows the page, POST answers as JSON); no token needed.</summary>
    public const string AnswerLink = "/invitations/answer";
    public const string ConfirmAnswerLink = "/invitations/answer/confirm";

    public const string Attendance = "/{meetingId:guid}/attendance";
    public const string Representation = "/{meetingId:guid}/representation";

    public const string Quota = "/programmes/{programmeId:guid}/quota";
    public const string MyQuota = "/programmes/{programmeId:guid}/quota/mine";

    public const string Documentation = "/{meetingId:guid}/documentation";
    public const string DocumentationRevisions = "/{meetingId:guid}/documentation/revisions";
    public const string DocumentationRevision = "/{meetingId:guid}/documentation/revisions/{revision:int}";
    public const string ApproveDocumentation = "/{meetingId:guid}/documentation/approve";
    public const string DocumentationSignatures = "/{meetingId:guid}/documentation/signatures";
    public const string DocumentationCorrections = "/{meetingId:guid}/documentation/corrections";

    public const string PointActions = "/{meetingId:guid}/documentation/points/{pointNumber}/actions";
    public const string MeetingActions = "/{meetingId:guid}/documentation/actions";
    public const string MyActions = "/actions/mine";
    public const string Action = "/actions/{actionId:guid}";
    public const string ActionProgress = "/actions/{actionId:guid}/progress";
    public const string ProgrammeActions = "/programmes/{programmeId:guid}/actions";

    public const string MeetingCalendar = "/{meetingId:guid}/calendar.ics";
    public const string CalendarFeed = "/calendar/feed";
    public const string CalendarFeedFile = "/calendar/feeds/{token}.ics";

    public const string Statistics = "/programmes/{programmeId:guid}/statistics";
    public const string StatisticsCsv = "/programmes/{programmeId:guid}/statistics.csv";
    public const string Effects = "/programmes/{programmeId:guid}/effects";

    /// <summary>The full path of a route with its parameters filled in, in the template's order.</summary>
    public static string PathOf(string route, params object[] values) => RouteTemplate.Expand(Prefix + route, values);
}
