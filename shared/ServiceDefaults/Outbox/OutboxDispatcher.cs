using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>
/// Publishes a service's committed outbox messages in batches: the rows of a batch are handed to
/// the bus one after another in sequence order, their confirms are awaited together, and the
/// confirmed rows are marked dispatched in one statement. A row that fails records its error and attempt and steps aside
/// for a back-off of its own, so it never holds back the rows behind it for more than one attempt;
/// after <see cref="OutboxOptions.MaxAttempts"/> it is parked. While the broker is unreachable
/// nothing is the row's fault: the dispatcher waits for the bus to report healthy and tries the
/// same row again (rows behind it that met the outage too are left as they were), so an outage
/// keeps order and parks nothing. A crash between the confirm and
/// marking the row may publish a message twice, which the consumers' inboxes absorb.
/// </summary>
internal sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    IBusControl busControl,
    OutboxSignal<TDbContext> signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    internal static readonly ActivitySource ActivitySource = new("KollegialtUtbyte.Outbox");
    private static readonly ConcurrentDictionary<string, Type> Types = new();

    private readonly OutboxOptions _options = options.Value;
    private readonly HashSet<string> _warmTypes = [];
    private DateTime _nextCleanup = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var databaseFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = await DispatchBatchAsync(stoppingToken);
                databaseFailures = 0;
                await CleanUpIfDueAsync(stoppingToken);
                if (pass.BrokerUnreachable)
                {
                    await WaitForBrokerAsync(stoppingToken);
                }
                else if (!pass.MoreWaiting)
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database itself failed (e.g. restarting). A short, growing pause: dispatch
                // resumes within DatabaseRetryMaxDelay of the database being back.
                databaseFailures++;
                logger.LogError(ex, "Outbox dispatch for {Context} failed; retrying", typeof(TDbContext).Name);
                await Task.Delay(OutboxBackoff.Delay(databaseFailures, _options.RetryDelay, _options.DatabaseRetryMaxDelay), time, stoppingToken);
            }
        }
    }

    private async Task<(bool MoreWaiting, bool BrokerUnreachable)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var batch = await db.Set<OutboxMessage>()
            .AsNoTracking()
            .Where(m => m.DispatchedAt == null && m.ParkedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.SequenceNumber)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return (false, false);
        }

        // Every row is handed to the bus in commit order before any confirm is awaited, so the
        // broker confirms the batch together instead of one round trip per row. A publish of a
        // type the bus has not sent yet (since start or since a broker failure) first declares
        // its exchange and endpoint and could be overtaken by the rows behind it: it goes alone.
        var publishes = new List<Task<Type>>(batch.Count);
        foreach (var message in batch)
        {
            var publish = PublishAsync(message, cancellationToken);
            publishes.Add(publish);
            if (!_warmTypes.Contains(message.MessageType))
            {
                await ((Task)publish).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (publish.IsCompletedSuccessfully)
                {
                    _warmTypes.Add(message.MessageType);
                }
                else if (publish.Exception?.GetBaseException() is not { } failure || !IsRowsFault(failure))
                {
                    // Likely the broker: the rows behind are not started, as if not tried yet.
                    break;
                }
            }
        }

        // Each row's outcome is read from its own publish below.
        await ((Task)Task.WhenAll(publishes)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        var dispatchedAt = time.GetUtcNow().UtcDateTime;
        var dispatched = new List<long>(batch.Count);
        var changed = 0;
        var published = 0;
        var attempted = 0;
        var brokerUnreachable = false;
        bool? busHealthy = null;
        for (var i = 0; i < publishes.Count; i++)
        {
            var message = batch[i];
            var publish = publishes[i];
            if (publish.IsCompletedSuccessfully)
            {
                attempted++;
                published++;
                var body = OutboxSecrets.Blank(publish.Result, message.Body);
                if (ReferenceEquals(body, message.Body))
                {
                    dispatched.Add(message.SequenceNumber);
                    continue;
                }

                // Link secrets or a person's data in the body: this row is written on its own.
                db.Attach(message);
                message.Attempts++;
                message.Body = body;
                message.DispatchedAt = dispatchedAt;
                message.NextAttemptAt = null;
                message.LastError = null;
                changed++;
                continue;
            }

            var exception = publish.Exception?.GetBaseException() ?? new OperationCanceledException();
            if (cancellationToken.IsCancellationRequested)
            {
                // Stopping: the row was not given a fair try; it keeps its place and its count.
                continue;
            }

            var rowsFault = IsRowsFault(exception) || (busHealthy ??= busControl.CheckHealth().Status == BusHealthStatus.Healthy);
            if (!rowsFault && brokerUnreachable)
            {
                // Behind the first row that met the outage: untouched, as if not tried yet.
                continue;
            }

            attempted++;
            OutboxMetrics.Failures.Add(1);
            db.Attach(message);
            message.Attempts++;
            message.LastError = Truncate($"{exception.GetType().Name}: {exception.Message}");
            changed++;
            if (!IsRowsFault(exception))
            {
                // The bus may have lost its channel or exchanges: each type goes alone again first.
                _warmTypes.Clear();
            }

            if (!rowsFault)
            {
                // Not the row's fault: keep its place in line and wait for the broker.
                brokerUnreachable = true;
                logger.LogWarning(exception, "Publishing from the {Context} outbox failed with the broker unreachable (message {MessageId}, attempt {Attempt})",
                    typeof(TDbContext).Name, message.MessageId, message.Attempts);
            }
            else if (message.Attempts >= _options.MaxAttempts)
            {
                message.ParkedAt = dispatchedAt;
                OutboxMetrics.Parked.Add(1);
                logger.LogError(exception, "Outbox message {MessageId} of {Context} failed {Attempts} times and is parked as dead",
                    message.MessageId, typeof(TDbContext).Name, message.Attempts);
            }
            else
            {
                var delay = OutboxBackoff.Delay(message.Attempts, _options.RetryDelay, _options.MaxRetryDelay);
                message.NextAttemptAt = dispatchedAt + delay;
                logger.LogWarning(exception, "Outbox message {MessageId} of {Context} failed (attempt {Attempt}); trying it again in {Delay}, the rows behind it go first",
                    message.MessageId, typeof(TDbContext).Name, message.Attempts, delay);
            }
        }

        // Confirmed rows are marked even while stopping, so a restart does not publish them again.
        var marking = cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken;
        if (dispatched.Count > 0)
        {
            // One statement for the plain rows, however many the broker confirmed.
            await db.Set<OutboxMessage>()
                .Where(m => dispatched.Contains(m.SequenceNumber))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.DispatchedAt, dispatchedAt)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                        .SetProperty(m => m.NextAttemptAt, (DateTime?)null)
                        .SetProperty(m => m.LastError, (string?)null),
                    marking);
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(marking);
        }

        OutboxMetrics.Published.Add(published);
        cancellationToken.ThrowIfCancellationRequested();
        // A full batch, or one cut short behind a failed first publish, leaves rows for the next pass now.
        return (attempted >= _options.BatchSize || publishes.Count < batch.Count, brokerUnreachable);
    }

    /// <summary>Resolves, reads and publishes one row; completes when the broker confirmed it.</summary>
    private async Task<Type> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = TypeOf(message);
        var payload = JsonSerializer.Deserialize(message.Body, type, OutboxJson.Options)
            ?? throw new JsonException($"Outbox message {message.MessageId} has an empty body.");

        // Continue the trace of the request that raised the event.
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = ActivitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.MessageId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            await bus.Publish(payload, type, context => context.MessageId = message.MessageId, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm message {message.MessageId} within {_options.PublishTimeout}.");
        }

        return type;
    }

    /// <summary>Failures that are the row's own whatever the broker's state: its type or body.</summary>
    private static bool IsRowsFault(Exception exception) =>
        exception is JsonException or TypeLoadException or FileNotFoundException or NotSupportedException;

    /// <summary>Waits until the bus reports healthy again (checked often), or at most <see cref="OutboxOptions.MaxRetryDelay"/>.</summary>
    private async Task WaitForBrokerAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + _options.MaxRetryDelay;
        var step = _options.RetryDelay;
        while (time.GetUtcNow() < giveUpAt && busControl.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            await Task.Delay(step, time, cancellationToken);
            step = TimeSpan.FromTicks(Math.Min(step.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
        }
    }

    private static Type TypeOf(OutboxMessage message) =>
        Types.TryGetValue(message.MessageType, out var known)
            ? known
            : Types.GetOrAdd(message.MessageType, Type.GetType(message.MessageType, throwOnError: false)
                ?? throw new TypeLoadException($"The event type '{message.MessageType}' cannot be resolved."));

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];

    private async Task CleanUpIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now.AddHours(1);
        var cutoff = now - _options.Retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Set<OutboxMessage>().Where(m => m.DispatchedAt != null && m.DispatchedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Capped exponential back-off with full jitter over the upper half, so rows failing together spread out.</summary>
internal static class OutboxBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan max)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ceiling = Math.Min(first.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling / 2 + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
