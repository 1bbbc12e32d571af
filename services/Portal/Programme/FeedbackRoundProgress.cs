using KollegialtUtbyte.Feedback.ApiContracts;

namespace KollegialtUtbyte.Portal.Programme;

/// <summary>How far a feedback round has come, as the administrator's pages show it.</summary>
public static class FeedbackRoundProgress
{
    /// <summary>The reviewing regions that have submitted their feedback.</summary>
    public static int SubmittedCount(RoundView round) => round.Reviewers.Count(r => r.FeedbackStatus == FeedbackStatus.Submitted);

    /// <summary>The deadline has passed and the round is still waiting for feedback.</summary>
    public static bool IsOverdue(RoundView round, DateTimeOffset now) =>
        round.Status != RoundStatus.Closed && round.Deadline < now && SubmittedCount(round) < round.Reviewers.Count;

    /// <summary>Rounds still running first, the nearest deadline first; closed rounds after them, the latest first.</summary>
    public static List<RoundView> Order(IEnumerable<RoundView> rounds) =>
        [.. rounds.OrderBy(r => r.Status == RoundStatus.Closed).ThenBy(r => r.Status == RoundStatus.Closed ? -r.Deadline.UtcTicks : r.Deadline.UtcTicks)];
}
