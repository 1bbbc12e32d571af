using KollegialtUtbyte.Portal.Team;

namespace KollegialtUtbyte.Portal.Programme;

/// <summary>How far a feedback round has come, as the administrator's pages show it.</summary>
public static class FeedbackRoundProgress
{
    public const string Submitted = "Submitted";

    /// <summary>The reviewing regions that have submitted their feedback.</summary>
    public static int SubmittedCount(FeedbackRound round) => round.Reviewers.Count(r => r.FeedbackStatus == Submitted);

    /// <summary>The deadline has passed and the round is still waiting for feedback.</summary>
    public static bool IsOverdue(FeedbackRound round, DateTimeOffset now) =>
        round.Status != "Closed" && round.Deadline < now && SubmittedCount(round) < round.Reviewers.Count;

    /// <summary>Rounds still running first, the nearest deadline first; closed rounds after them, the latest first.</summary>
    public static List<FeedbackRound> Order(IEnumerable<FeedbackRound> rounds) =>
        [.. rounds.OrderBy(r => r.Status == "Closed").ThenBy(r => r.Status == "Closed" ? -r.Deadline.UtcTicks : r.Deadline.UtcTicks)];
}
