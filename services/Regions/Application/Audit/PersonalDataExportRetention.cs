using KollegialtUtbyte.ServiceDefaults.Retention;

namespace KollegialtUtbyte.Regions.Application.Audit;

/// <summary>
/// An export is a second copy of everything the suite holds about a person: it goes a while after
/// it was asked for, with the parts the services sent (the audit log keeps who asked and took it).
/// </summary>
internal sealed class PersonalDataExportRetention : IRetentionRule
{
    public string Kind => "PersonalDataExports";

    public TimeSpan DefaultPeriod => TimeSpan.FromDays(30);

    public async Task<int> DeleteExpiredAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RegionsDb>();
        var expired = await db.PersonalDataExports.Where(e => e.RequestedAt < cutoff).ToListAsync(cancellationToken);
        db.PersonalDataExports.RemoveRange(expired);
        await db.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }
}
