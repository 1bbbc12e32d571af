using System.Threading.Channels;
using KollegialtUtbyte.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Feedback.Application.Rounds;

/// <summary>Wakes the <see cref="RoundDeadlineWatcher"/> when a round with a deadline was opened.</summary>
public sealed class RoundDeadlineSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    internal Task WaitAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAsync(cancellationToken).AsTask();
}

/// <summary>
/// Closes rounds whose deadline has passed, which releases their feedback to the author region.
/// Sleeps until the nearest deadline (or the check interval, whichever is sooner) and wakes early
/// when a round is opened.
/// </summary>
internal sealed class RoundDeadlineWatcher(
    IServiceScopeFactory scopes,
    TimeProvider time,
    RoundDeadlineSignal signal,
    IOptions<FeedbackOptions> options,
    ILogger<RoundDeadlineWatcher> logger) : WatcherService(time)
{
    protected override TimeSpan CheckInterval => options.Value.Rounds.CheckInterval;

    protected override Task<DateTimeOffset?> RunPassAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        CloseDueRoundsAsync(now, cancellationToken);

    protected override void OnPassFailed(Exception exception) =>
        logger.LogError(exception, "Closing feedback rounds past their deadline failed; retrying");

    protected override Task WaitForWakeAsync(CancellationToken cancellationToken) => signal.WaitAsync(cancellationToken);

    /// <summary>Closes every round due at <paramref name="now"/> and returns the next deadline still ahead.</summary>
    internal async Task<DateTimeOffset?> CloseDueRoundsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDb>();
        var due = await db.Rounds
            .Where(r => r.Status != RoundStatus.Closed && r.Deadline <= now)
            .OrderBy(r => r.Deadline)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);

        foreach (var roundId in due)
        {
            db.ChangeTracker.Clear();
            var round = await db.Rounds.FindAsync([roundId], cancellationToken);
            if (round is null || round.IsClosed)
            {
                continue;
            }

            try
            {
                await RoundClosing.CloseAsync(db, round, FeedbackRoundCloseReason.DeadlineReached, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Closed feedback round {RoundId}: its deadline {Deadline} has passed", round.Id, round.Deadline);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Closed (or changed) by someone else meanwhile; the next pass sees its new state.
            }
        }

        var open = await db.Rounds.Where(r => r.Status != RoundStatus.Closed).Select(r => r.Deadline).ToListAsync(cancellationToken);
        return open.Count == 0 ? null : open.Min();
    }
}
