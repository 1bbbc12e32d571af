using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>
/// Readiness stays up with parked outbox rows (the service still works), but reports Degraded
/// with their count: events that never left need an administrator.
/// </summary>
internal sealed class OutboxHealthCheck<TDbContext>(TDbContext db) : IHealthCheck
    where TDbContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var parked = await db.Set<OutboxMessage>().CountAsync(m => m.ParkedAt != null && m.DispatchedAt == null, cancellationToken);
        return parked == 0
            ? HealthCheckResult.Healthy("No parked outbox messages.")
            : HealthCheckResult.Degraded($"{parked} outbox message(s) parked after failing; administrators list them at admin/outbox/parked under the service's API.",
                data: new Dictionary<string, object> { ["parked"] = parked });
    }
}
