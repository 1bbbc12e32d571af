using System.Threading.Channels;
using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>Wakes the dispatcher of one DbContext as soon as new outbox rows may have committed.</summary>
public sealed class OutboxSignal<TDbContext>
    where TDbContext : DbContext
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a notification or until <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a notification: the caller looks anyway.
            return;
        }
    }
}

/// <summary>Notifies the dispatcher once a save or a transaction that wrote outbox rows has committed.</summary>
internal sealed class OutboxSignalInterceptor<TDbContext>(OutboxSignal<TDbContext> signal) : AfterCommitInterceptor
    where TDbContext : DbContext
{
    protected override void Committed(DbContext context)
    {
        if (context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.DispatchedAt is null))
        {
            signal.Notify();
        }
    }
}
