using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>
/// Publishes a service's committed outbox messages in order, one at a time, each awaited until
/// the broker confirms it. While the broker is unreachable it backs off and retries the same
/// message, so order holds and nothing is skipped; undispatched rows survive restarts because
/// they are just rows. A crash between the confirm and marking the row may publish a message
/// twice, which the consumers' inboxes absorb.
/// </summary>
internal sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal<TDbContext> signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    internal static readonly ActivitySource ActivitySource = new("KollegialtUtbyte.Outbox");
    private static readonly Meter Meter = new("KollegialtUtbyte.Outbox");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("outbox.messages.published");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("outbox.publish.failures");
    private static readonly ConcurrentDictionary<string, Type> Types = new();

    private readonly OutboxOptions _options = options.Value;
    private DateTime _nextCleanup = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var publishWithRetry = BuildPipeline();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var dispatched = await DispatchBatchAsync(publishWithRetry, stoppingToken);
                await CleanUpIfDueAsync(stoppingToken);
                if (dispatched < _options.BatchSize)
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
                // The database itself failed (e.g. restarting); try again after a pause.
                logger.LogError(ex, "Outbox dispatch for {Context} failed; retrying", typeof(TDbContext).Name);
                await Task.Delay(_options.MaxRetryDelay, time, stoppingToken);
            }
        }
    }

    private ResiliencePipeline BuildPipeline() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                MaxDelay = _options.MaxRetryDelay,
                OnRetry = args =>
                {
                    Failures.Add(1);
                    logger.LogWarning(args.Outcome.Exception, "Publishing from the {Context} outbox failed (attempt {Attempt}); retrying in {Delay}",
                        typeof(TDbContext).Name, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.PublishTimeout)
            .Build();

    private async Task<int> DispatchBatchAsync(ResiliencePipeline publishWithRetry, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var batch = await db.Set<OutboxMessage>()
            .Where(m => m.DispatchedAt == null)
            .OrderBy(m => m.SequenceNumber)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in batch)
        {
            await publishWithRetry.ExecuteAsync(async ct => await PublishAsync(message, ct), cancellationToken);
            message.Body = OutboxSecrets.Blank(TypeOf(message), message.Body);
            message.DispatchedAt = time.GetUtcNow().UtcDateTime;
            message.Attempts++;
            await db.SaveChangesAsync(cancellationToken);
            Published.Add(1);
        }

        return batch.Count;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = TypeOf(message);
        var payload = JsonSerializer.Deserialize(message.Body, type, OutboxJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.MessageId} has an empty body.");

        // Continue the trace of the request that raised the event.
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = ActivitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.MessageId);

        await bus.Publish(payload, type, context => context.MessageId = message.MessageId, cancellationToken);
    }

    private static Type TypeOf(OutboxMessage message) => Types.GetOrAdd(message.MessageType, name => Type.GetType(name, throwOnError: true)!);

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
