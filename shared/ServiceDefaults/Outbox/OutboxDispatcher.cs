using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>
/// Publishes a service's committed outbox messages in sequence order, one at a time, each awaited
/// until the broker confirms it. A row that fails records its error and attempt and steps aside
/// for a back-off of its own, so it never holds back the rows behind it for more than one attempt;
/// after <see cref="OutboxOptions.MaxAttempts"/> it is parked. While the broker is unreachable
/// nothing is the row's fault: the dispatcher waits for the bus to report healthy and tries the
/// same row again, so an outage keeps order and parks nothing. A crash between the confirm and
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
                else if (pass.Attempted < _options.BatchSize)
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

    private async Task<(int Attempted, bool BrokerUnreachable)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var batch = await db.Set<OutboxMessage>()
            .Where(m => m.DispatchedAt == null && m.ParkedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.SequenceNumber)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        var attempted = 0;
        foreach (var message in batch)
        {
            attempted++;
            message.Attempts++;
            try
            {
                var type = TypeOf(message);
                await PublishAsync(message, type, cancellationToken);
                message.Body = OutboxSecrets.Blank(type, message.Body);
                message.DispatchedAt = time.GetUtcNow().UtcDateTime;
                message.NextAttemptAt = null;
                message.LastError = null;
                await db.SaveChangesAsync(cancellationToken);
                OutboxMetrics.Published.Add(1);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                OutboxMetrics.Failures.Add(1);
                message.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}");
                var brokerUnreachable = IsBrokerUnreachable(ex);
                if (brokerUnreachable)
                {
                    // Not the row's fault: keep its place in line and wait for the broker.
                    logger.LogWarning(ex, "Publishing from the {Context} outbox failed with the broker unreachable (message {MessageId}, attempt {Attempt})",
                        typeof(TDbContext).Name, message.MessageId, message.Attempts);
                }
                else if (message.Attempts >= _options.MaxAttempts)
                {
                    message.ParkedAt = time.GetUtcNow().UtcDateTime;
                    OutboxMetrics.Parked.Add(1);
                    logger.LogError(ex, "Outbox message {MessageId} of {Context} failed {Attempts} times and is parked as dead",
                        message.MessageId, typeof(TDbContext).Name, message.Attempts);
                }
                else
                {
                    var delay = OutboxBackoff.Delay(message.Attempts, _options.RetryDelay, _options.MaxRetryDelay);
                    message.NextAttemptAt = time.GetUtcNow().UtcDateTime + delay;
                    logger.LogWarning(ex, "Outbox message {MessageId} of {Context} failed (attempt {Attempt}); trying it again in {Delay}, the rows behind it go first",
                        message.MessageId, typeof(TDbContext).Name, message.Attempts, delay);
                }

                await db.SaveChangesAsync(cancellationToken);
                if (brokerUnreachable)
                {
                    return (attempted, true);
                }
            }
        }

        return (attempted, false);
    }

    private async Task PublishAsync(OutboxMessage message, Type type, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>A failed publish while the bus is not healthy is the broker's, not the row's.</summary>
    private bool IsBrokerUnreachable(Exception exception) =>
        exception is not (JsonException or TypeLoadException or FileNotFoundException or NotSupportedException)
        && busControl.CheckHealth().Status != BusHealthStatus.Healthy;

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
