using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>
/// Stamps new outbox and inbox records with the service's <see cref="TimeProvider"/>, the clock the
/// dispatcher also uses to clean up after <see cref="OutboxOptions.Retention"/>: both sides of
/// that comparison read the same clock, in production and under a test's fake clock.
/// </summary>
internal sealed class OutboxClockInterceptor(TimeProvider time) : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        // One pass over the tracked entries: each pass makes EF detect changes again.
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            switch (entry.Entity)
            {
                case OutboxMessage outgoing when outgoing.CreatedAt == default:
                    outgoing.CreatedAt = now;
                    break;
                case InboxMessage applied when applied.ProcessedAt == default:
                    applied.ProcessedAt = now;
                    break;
            }
        }
    }
}
