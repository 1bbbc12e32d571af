using KollegialtUtbyte.ApiContracts;

namespace KollegialtUtbyte.Feedback.ApiContracts;

/// <summary>
/// Feedback's routes: the service maps these templates under <see cref="Prefix"/>, and
/// <see cref="FeedbackApi"/> fills the same templates, so a route changes in one place.
/// </summary>
public static class FeedbackRoutes
{
    public const string Prefix = "/api/feedback";

    public const string Lenses = "/lenses";

    public const string Documents = "/documents";
    public const string Document = "/documents/{documentId:guid}";
    public const string DocumentVersions = "/documents/{documentId:guid}/versions";
    public const string DocumentVersionFile = "/documents/{documentId:guid}/versions/{number:int}/file";
    public const string LearningLog = "/documents/{documentId:guid}/learning-log";

    public const string OpenRound = "/documents/{documentId:guid}/versions/{number:int}/rounds";
    public const string Rounds = "/rounds";
    public const string Round = "/rounds/{roundId:guid}";
    public const string CloseRound = "/rounds/{roundId:guid}/close";
    public const string RoundReviewers = "/rounds/{roundId:guid}/reviewers";
    public const string Assignments = "/assignments";

    public const string RoundFeedback = "/rounds/{roundId:guid}/feedback";
    public const string ReviewerFeedback = "/rounds/{roundId:guid}/feedback/{regionId:guid}";
    public const string SubmitFeedback = "/rounds/{roundId:guid}/feedback/{regionId:guid}/submit";
    public const string FeedbackResponses = "/rounds/{roundId:guid}/feedback/{regionId:guid}/responses";

    public const string RegionPriorities = "/programmes/{programmeId:guid}/regions/{regionId:guid}/priorities";
    public const string ProgrammePriorities = "/programmes/{programmeId:guid}/priorities";
    public const string Priority = "/priorities/{priorityId:guid}";
    public const string PriorityResults = "/priorities/{priorityId:guid}/results";
    public const string PriorityFeedback = "/priorities/{priorityId:guid}/feedback";

    public const string Effects = "/programmes/{programmeId:guid}/effects";

    /// <summary>The full path of a route with its parameters filled in, in the template's order.</summary>
    public static string PathOf(string route, params object[] values) => RouteTemplate.Expand(Prefix + route, values);
}
