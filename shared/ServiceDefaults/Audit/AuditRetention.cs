using KollegialtUtbyte.ServiceDefaults.Retention;

namespace KollegialtUtbyte.ServiceDefaults.Audit;

/// <summary>
/// Audit entries older than the period (<c>Retention:Audit</c>, two years by default): long enough
/// to answer for a whole programme's changes, and no longer kept than the people they name need it.
/// </summary>
public sealed class AuditRetention<TDbContext> : IRetentionRule
    where TDbContext : DbContext
{
    public const string KindName = "Audit";

    public string Kind => KindName;

    public TimeSpan DefaultPeriod => TimeSpan.FromDays(730);

    public Task<int> DeleteExpiredAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        services.GetRequiredService<TDbContext>().Set<AuditEntry>().Where(e => e.At < cutoff).ExecuteDeleteAsync(cancellationToken);
}
