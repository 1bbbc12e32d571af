using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

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
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added && e.Entity.CreatedAt == default))
        {
            entry.Entity.CreatedAt = now;
        }

        foreach (var entry in context.ChangeTracker.Entries<InboxMessage>().Where(e => e.State == EntityState.Added && e.Entity.ProcessedAt == default))
        {
            entry.Entity.ProcessedAt = now;
        }
    }
}
