using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Feedback.Application.Rounds;

/// <summary>Closing a round releases its submitted feedback to the author region; the caller saves.</summary>
internal static class RoundClosing
{
    public static async Task CloseAsync(FeedbackDb db, FeedbackRound round, FeedbackRoundCloseReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        round.Close(reason, now);
        var submitted = await db.Feedback.CountAsync(f => f.RoundId == round.Id && f.Status == FeedbackStatus.Submitted, cancellationToken);
        var title = (await db.Documents.FindAsync([round.DocumentId], cancellationToken))?.Title ?? "";
        db.AddEvent(new FeedbackRoundClosed(round.Id, round.DocumentId, round.AuthorRegionId, title, reason, submitted, now));
    }
}
