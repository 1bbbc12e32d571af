using KollegialtUtbyte.ServiceDefaults.Retention;

namespace KollegialtUtbyte.Regions.Application.Audit;

/// <summary>The e-mail change steps (read at <c>GET /api/regions/people/{id}/email-changes</c>) go with the rest of the audit log, after <c>Retention:Audit</c>.</summary>
internal sealed class EmailChangeAuditRetention : IRetentionRule
{
    public string Kind => AuditRetention<RegionsDb>.KindName;

    public TimeSpan DefaultPeriod => new AuditRetention<RegionsDb>().DefaultPeriod;

    public Task<int> DeleteExpiredAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        services.GetRequiredService<RegionsDb>().EmailChangeAudits.Where(a => a.At < cutoff).ExecuteDeleteAsync(cancellationToken);
}
