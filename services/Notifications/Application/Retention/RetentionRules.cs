using KollegialtUtbyte.ServiceDefaults.Retention;

namespace KollegialtUtbyte.Notifications.Application.Retention;

/// <summary>
/// Raw link tokens once nothing needs them: the answer tokens kept for updates and reminders whose
/// links expired (the meeting started) before the cutoff, and the payload of any failed mail. Sent
/// mails lose theirs when they are sent, withdrawn invitations and cancelled meetings their tokens at once.
/// </summary>
internal sealed class LinkTokenRetention : IRetentionRule
{
    public string Kind => "LinkTokens";

    public TimeSpan DefaultPeriod => TimeSpan.Zero;

    public async Task<int> DeleteExpiredAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NotificationsDb>();
        var tokens = await db.Invitations
            .Where(i => i.AnswerToken != null && i.AnswerTokenExpiresAt <= cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AnswerToken, (string?)null), cancellationToken);
        var payloads = await db.OutgoingMails
            .Where(m => m.Status == MailStatus.Failed && m.Payload != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, (string?)null), cancellationToken);
        return tokens + payloads;
    }
}

/// <summary>
/// The records of sent and failed mails (recipient, address, subject, error; their bodies and link
/// tokens went when they were sent or failed). Kept past the longest link lifetime, so support can
/// tell whether a link was mailed while it could still be used, and past the inbox window, so a
/// redelivered event still finds its mail and is not mailed twice.
/// </summary>
internal sealed class SentMailRetention : IRetentionRule
{
    public string Kind => "SentMails";

    public TimeSpan DefaultPeriod => TimeSpan.FromDays(30);

    public async Task<int> DeleteExpiredAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NotificationsDb>();
        var sent = await db.OutgoingMails.Where(m => m.Status == MailStatus.Sent && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var failed = await db.OutgoingMails.Where(m => m.Status == MailStatus.Failed && m.FailedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return sent + failed;
    }
}
