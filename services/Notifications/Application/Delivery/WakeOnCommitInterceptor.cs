using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KollegialtUtbyte.Notifications.Application.Delivery;

/// <summary>
/// Wakes the dispatcher and the scheduler once a transaction that queued mail, brought a person
/// (mail may be waiting for them) or changed reminders has committed.
/// </summary>
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

        if (context.ChangeTracker.Entries<OutgoingMail>().Any(e => e.Entity.Status == MailStatus.Pending)
            || context.ChangeTracker.Entries<Person>().Any(e => e.Entity.Email.Length > 0))
        {
            signals.MailQueued.Notify();
        }

        if (context.ChangeTracker.Entries<Reminder>().Any(e => e.Entity.Status == ReminderStatus.Pending))
        {
            signals.RemindersChanged.Notify();
        }
    }
}
