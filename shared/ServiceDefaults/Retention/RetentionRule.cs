namespace KollegialtUtbyte.ServiceDefaults.Retention;

/// <summary>
/// One kind of data a service deletes once it is no longer needed. The period is read from
/// <c>Retention:&lt;Kind&gt;</c> (a <see cref="TimeSpan"/>) and defaults to <see cref="DefaultPeriod"/>;
/// the service's <see cref="RetentionJob"/> applies every rule on the service's clock.
/// </summary>
public interface IRetentionRule
{
    /// <summary>The name of the kind in configuration and logs, e.g. <c>SentMails</c>.</summary>
    string Kind { get; }

    TimeSpan DefaultPeriod { get; }

    /// <summary>
    /// Deletes what expired more than the period before now: <paramref name="cutoff"/> is now minus
    /// the period. Runs in its own scope; returns how many records went.
    /// </summary>
    Task<int> DeleteExpiredAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken);
}
