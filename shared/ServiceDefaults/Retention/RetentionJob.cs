using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.ServiceDefaults.Retention;

/// <summary>
/// Applies the service's <see cref="IRetentionRule"/>s at start and then every <see cref="Interval"/>
/// on the service's <see cref="TimeProvider"/>. A rule that fails is logged and tried again next
/// time; the other rules still run.
/// </summary>
public sealed class RetentionJob(
    IServiceScopeFactory scopes,
    IEnumerable<IRetentionRule> rules,
    RetentionPeriods periods,
    TimeProvider time,
    ILogger<RetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly IReadOnlyList<IRetentionRule> _rules = rules.ToList();

    /// <summary>Applies every rule once, now; what the timer does each interval.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var rule in _rules)
        {
            try
            {
                var cutoff = time.GetUtcNow() - periods.For(rule);
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await rule.DeleteExpiredAsync(scope.ServiceProvider, cutoff, cancellationToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Retention deleted {Count} record(s) of {Kind} older than {Cutoff:O}", deleted, rule.Kind, cutoff);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database itself failed (e.g. restarting); the next round tries again.
                logger.LogError(exception, "Retention of {Kind} failed; trying again in {Interval}", rule.Kind, Interval);
            }
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // A wrong period stops the service at start rather than silently keeping data.
        foreach (var rule in _rules)
        {
            periods.For(rule);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
