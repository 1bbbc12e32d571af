using KollegialtUtbyte.Notifications.Application.Delivery;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Notifications.Application.Scheduling;

/// <summary>
/// Fires the reminders kept in the database when their time comes on the injected clock: sleeps
/// until the earliest pending one is due (or a change wakes it), then queues its mails and marks it
/// sent in one transaction. After a restart it simply finds the reminders that fell due meanwhile.
/// </summary>
internal sealed class ReminderScheduler(
    IServiceScopeFactory scopes,
    NotificationSignals signals,
    NotificationMetrics metrics,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    private readonly TimeSpan _pollInterval = options.Value.SchedulerPollInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var nextDue = await FireDueRemindersAsync(stoppingToken);
                await signals.RemindersChanged.WaitAsync(nextDue, time, _pollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Reminders could not be read or fired; trying again");
                await signals.RemindersChanged.WaitAsync(null, time, _pollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Fires every reminder that is due; returns when the next pending one falls due, if any.</summary>
    private async Task<DateTimeOffset?> FireDueRemindersAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
            var now = time.GetUtcNow();
            var reminder = await db.Reminders
                .Where(r => r.Status == ReminderStatus.Pending && r.DueAt <= now)
                .OrderBy(r => r.DueAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (reminder is null)
            {
                return await db.Reminders
                    .Where(r => r.Status == ReminderStatus.Pending)
                    .OrderBy(r => r.DueAt)
                    .Select(r => (DateTimeOffset?)r.DueAt)
                    .FirstOrDefaultAsync(cancellationToken);
            }

            var firing = scope.ServiceProvider.GetRequiredService<ReminderFiring>();
            var mailed = await firing.FireAsync(reminder, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance fired or changed it meanwhile; look again.
                continue;
            }

            metrics.ReminderFired(reminder.Kind.ToString());
            logger.LogInformation("Reminder {ReminderId} ({Kind}, {Lead} ahead) {Outcome}: {Mails} mail(s) queued",
                reminder.Id, reminder.Kind, reminder.Lead, reminder.Status, mailed);
        }
    }
}
