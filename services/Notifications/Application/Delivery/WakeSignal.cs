using System.Threading.Channels;

namespace KollegialtUtbyte.Notifications.Application.Delivery;

/// <summary>Wakes a background worker when there may be new work, instead of it polling constantly.</summary>
public sealed class WakeSignal
{
    // The longest single wait on the clock; Task.Delay refuses more than about 49 days.
    private static readonly TimeSpan LongestTimerWait = TimeSpan.FromDays(1);

    // How far the clock may move while a timer is armed before it is armed again.
    private static readonly TimeSpan ArmingTolerance = TimeSpan.FromSeconds(1);

    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>
    /// Waits until notified, until <paramref name="dueAt"/> on <paramref name="time"/> (the moment
    /// work falls due), or until <paramref name="pollInterval"/> of real time has passed: a safety
    /// net for notifications that cannot reach this process (another replica queued the work).
    /// </summary>
    public async Task WaitAsync(DateTimeOffset? dueAt, TimeProvider time, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var waits = new List<Task> { _channel.Reader.ReadAsync(waiting.Token).AsTask(), Task.Delay(pollInterval, waiting.Token) };
            if (dueAt is { } due)
            {
                if (TimerUntil(due, time, waiting.Token) is not { } timer)
                {
                    return;
                }

                waits.Add(timer);
            }

            await Task.WhenAny(waits);
        }
        finally
        {
            // Stops the waits that did not finish, so none of them takes a later notification.
            await waiting.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// A timer that completes at <paramref name="due"/>, or null when that has come. A timer counts from
    /// the clock's value when it is created, so one armed while the clock jumped (a test's fake clock
    /// moving on) is armed again from the new value.
    /// </summary>
    private static Task? TimerUntil(DateTimeOffset due, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            if (due <= now)
            {
                return null;
            }

            var remaining = due - now;
            var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(remaining < LongestTimerWait ? remaining : LongestTimerWait, time, attempt.Token);
            if (time.GetUtcNow() - now <= ArmingTolerance)
            {
                _ = timer.ContinueWith(_ => attempt.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return timer;
            }

            attempt.Cancel();
            attempt.Dispose();
        }
    }
}

/// <summary>The signals of the mail dispatcher and the reminder scheduler.</summary>
public sealed class NotificationSignals
{
    public WakeSignal MailQueued { get; } = new();

    public WakeSignal RemindersChanged { get; } = new();
}
