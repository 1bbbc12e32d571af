using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Notifications.Application.Delivery;

/// <summary>
/// Wakes the dispatcher and the scheduler once a transaction that queued mail, brought a person
/// (mail may be waiting for them) or changed reminders has committed.
/// </summary>
internal sealed class WakeOnCommitInterceptor(NotificationSignals signals) : AfterCommitInterceptor
{
    protected override void Committed(DbContext context)
    {
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
