using Microsoft.Extensions.Hosting;

namespace KollegialtUtbyte.ServiceDefaults.Hosting;

/// <summary>
/// Background work that runs a pass, then sleeps on the injected <see cref="TimeProvider"/> until
/// <see cref="CheckInterval"/> has passed or the moment the pass asked for, whichever is sooner,
/// and wakes early when <see cref="WaitForWakeAsync"/> completes. It reacts to the clock as it is,
/// real or fake. A pass that fails is reported to <see cref="OnPassFailed"/> and tried again on the
/// next wake: the database may be restarting.
/// </summary>
public abstract class WatcherService(TimeProvider time) : BackgroundService
{
    /// <summary>The longest sleep between two passes.</summary>
    protected abstract TimeSpan CheckInterval { get; }

    /// <summary>Does the work due at <paramref name="now"/>; returns when it next wants to run, if it knows.</summary>
    protected abstract Task<DateTimeOffset?> RunPassAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Reports a pass that failed; the next wake tries again.</summary>
    protected abstract void OnPassFailed(Exception exception);

    /// <summary>Completes when something worth a pass happened before the planned wake; by default never.</summary>
    protected virtual Task WaitForWakeAsync(CancellationToken cancellationToken) =>
        Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var wakeAt = now + CheckInterval;
            try
            {
                if (await RunPassAsync(now, stoppingToken) is { } asked && asked < wakeAt)
                {
                    wakeAt = asked;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                OnPassFailed(exception);
            }

            await SleepUntilAsync(wakeAt, stoppingToken);
        }
    }

    private async Task SleepUntilAsync(DateTimeOffset wakeAt, CancellationToken stoppingToken)
    {
        var delay = wakeAt - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(delay, time, wake.Token);

        // The clock may have moved between reading it and arming the timer.
        if (time.GetUtcNow() >= wakeAt)
        {
            await wake.CancelAsync();
            return;
        }

        await Task.WhenAny(timer, WaitForWakeAsync(wake.Token));
        await wake.CancelAsync();
    }
}
