using KollegialtUtbyte.Notifications.Data;
using KollegialtUtbyte.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Notifications.Scheduling;

/// <summary>
/// Forgets raw link tokens once nothing needs them: every <see cref="Interval"/> on the injected
/// clock it clears the answer tokens kept for updates and reminders whose links have expired (the
/// meeting started), and the payload of any failed mail. Sent mails lose theirs when they are sent,
/// withdrawn invitations and cancelled meetings their tokens at once.
/// </summary>
internal sealed class LinkTokenRetention(IServiceScopeFactory scopes, TimeProvider time, ILogger<LinkTokenRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await ForgetExpiredAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database itself failed (e.g. restarting); the next round tries again.
                logger.LogError(exception, "Expired link tokens could not be cleared; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ForgetExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var now = time.GetUtcNow();
        var tokens = await db.Invitations
            .Where(i => i.AnswerToken != null && i.AnswerTokenExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AnswerToken, (string?)null), cancellationToken);
        var payloads = await db.OutgoingMails
            .Where(m => m.Status == MailStatus.Failed && m.Payload != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, (string?)null), cancellationToken);
        if (tokens + payloads > 0)
        {
            logger.LogInformation("Cleared {Tokens} expired answer token(s) and {Payloads} failed mail payload(s)", tokens, payloads);
        }
    }
}
