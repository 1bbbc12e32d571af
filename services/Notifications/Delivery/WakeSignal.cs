using System.Threading.Channels;
using KollegialtUtbyte.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace KollegialtUtbyte.Notifications.Delivery;

/// <summary>Wakes a background worker when there may be new work, instead of it polling constantly.</summary>
public sealed class WakeSignal
{
    // The longest single wait on the clock; Task.Delay refuses more than about 49 days.
    private static readonly TimeSpan LongestTimerWait = TimeSpan.FromDays(1);

    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>
    /// Waits until notified, until <paramref name="dueAt"/> on <paramref name="time"/> (the moment
    /// work falls due), or until <paramref name="pollInterval"/> of real time has passed: a safety
    /// net for notifications that cannot reach this process (another replica queued the work).
    /// </summary>
    public async Task WaitAsync(DateTimeOffset? dueAt, TimeProvider time, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        if (dueAt is { } alreadyDue && alreadyDue <= time.GetUtcNow())
        {
            return;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var waits = new List<Task> { _channel.Reader.ReadAsync(waiting.Token).AsTask(), Task.Delay(pollInterval, waiting.Token) };
            if (dueAt is { } due)
            {
                var delay = due - time.GetUtcNow();
                if (delay <= TimeSpan.Zero)
                {
                    return;
                }

                waits.Add(Task.Delay(delay < LongestTimerWait ? delay : LongestTimerWait, time, waiting.Token));

                // The clock may have moved past the due time while the timer was being armed.
                if (time.GetUtcNow() >= due)
                {
                    return;
                }
            }

            await Task.WhenAny(waits);
        }
        finally
        {
            // Stops the waits that did not finish, so none of them takes a later notification.
            await waiting.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>The signals of the mail dispatcher and the reminder scheduler.</summary>
public sealed class NotificationSignals
{
    public WakeSignal MailQueued { get; } = new();

    public WakeSignal RemindersChanged { get; } = new();
}

/// <summary>Wakes the dispatcher and the scheduler once a transaction that queued mail or changed reminders has committed.</summary>
internal sealed class WakeOnCommitInterceptor(NotificationSignals signals) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Notify(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return Task.CompletedTask;
    }

    // Inside a transaction the rows are not visible to the workers before the commit.
    private void NotifyUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Notify(context);
        }
    }

    private void Notify(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        if (context.ChangeTracker.Entries<OutgoingMail>().Any(e => e.Entity.Status == MailStatus.Pending))
        {
            signals.MailQueued.Notify();
        }

        if (context.ChangeTracker.Entries<Reminder>().Any(e => e.Entity.Status == ReminderStatus.Pending))
        {
            signals.RemindersChanged.Notify();
        }
    }
}
