using System.Collections.Concurrent;
using KollegialtUtbyte.ServiceDefaults.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>
/// The loop behind the services' watchers (deadlines that close rounds, reminders of actions): a
/// pass at start, then one whenever the clock reaches the interval or the moment the pass asked
/// for, or at once when woken; a failing pass does not stop the next.
/// </summary>
public sealed class WatcherServiceTests
{
    private static readonly DateTimeOffset Start = new(2021, 9, 14, 7, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_pass_runs_at_start_and_again_when_the_clock_reaches_the_interval()
    {
        var clock = new FakeTimeProvider(Start);
        using var watcher = new RecordingWatcher(clock);
        await watcher.StartAsync(TestContext.Current.CancellationToken);
        await watcher.PassesReachAsync(1);

        clock.Advance(Interval / 2);
        clock.Advance(Interval / 2);
        await watcher.PassesReachAsync(2);

        Assert.Equal([Start, Start + Interval], watcher.Passes.Take(2));
        await watcher.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_pass_that_asks_for_an_earlier_moment_runs_again_then()
    {
        var clock = new FakeTimeProvider(Start);
        using var watcher = new RecordingWatcher(clock) { Asks = Start + TimeSpan.FromMinutes(10) };
        await watcher.StartAsync(TestContext.Current.CancellationToken);
        await watcher.PassesReachAsync(1);

        clock.Advance(TimeSpan.FromMinutes(10));
        await watcher.PassesReachAsync(2);

        Assert.Equal(Start + TimeSpan.FromMinutes(10), watcher.Passes[1]);
        await watcher.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_wake_runs_a_pass_without_the_clock_moving()
    {
        var clock = new FakeTimeProvider(Start);
        using var watcher = new RecordingWatcher(clock);
        await watcher.StartAsync(TestContext.Current.CancellationToken);
        await watcher.PassesReachAsync(1);

        watcher.Wake();
        await watcher.PassesReachAsync(2);

        Assert.Equal([Start, Start], watcher.Passes.Take(2));
        await watcher.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_failing_pass_is_reported_and_the_next_one_still_runs()
    {
        var clock = new FakeTimeProvider(Start);
        using var watcher = new RecordingWatcher(clock) { FailFirst = true };
        await watcher.StartAsync(TestContext.Current.CancellationToken);
        await watcher.PassesReachAsync(1);

        clock.Advance(Interval);
        await watcher.PassesReachAsync(2);

        Assert.Equal("the database is restarting", Assert.Single(watcher.Failures).Message);
        await watcher.StopAsync(TestContext.Current.CancellationToken);
    }

    private sealed class RecordingWatcher(FakeTimeProvider clock) : WatcherService(clock)
    {
        private readonly ConcurrentQueue<DateTimeOffset> _passes = new();
        private readonly SemaphoreSlim _wake = new(0);

        public DateTimeOffset? Asks { get; init; }

        public bool FailFirst { get; init; }

        public List<DateTimeOffset> Passes => [.. _passes];

        public ConcurrentQueue<Exception> Failures { get; } = new();

        protected override TimeSpan CheckInterval => Interval;

        public void Wake() => _wake.Release();

        public Task PassesReachAsync(int count) =>
            Eventually.UntilAsync(() => Task.FromResult(_passes.Count >= count), $"{count} pass(es) ran");

        protected override Task<DateTimeOffset?> RunPassAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            _passes.Enqueue(now);
            if (FailFirst && _passes.Count == 1)
            {
                throw new InvalidOperationException("the database is restarting");
            }

            return Task.FromResult(Asks > now ? Asks : null);
        }

        protected override void OnPassFailed(Exception exception) => Failures.Enqueue(exception);

        protected override Task WaitForWakeAsync(CancellationToken cancellationToken) => _wake.WaitAsync(cancellationToken);

        public override void Dispose()
        {
            _wake.Dispose();
            base.Dispose();
        }
    }
}
