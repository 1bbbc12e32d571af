using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>
/// A row the dispatcher cannot publish records why, backs off on its own and never holds back the
/// rows behind it; after the configured attempts it is parked, and readiness says so.
/// </summary>
public sealed class OutboxPoisonTests
{
    private static readonly Dictionary<string, string?> QuickParking = new()
    {
        ["Outbox:MaxAttempts"] = "3",
        ["Outbox:RetryDelay"] = "00:00:00.050",
        ["Outbox:MaxRetryDelay"] = "00:00:00.200",
    };

    [Fact]
    public async Task A_row_whose_type_cannot_be_resolved_does_not_block_the_rows_behind_it()
    {
        await using var services = await ProofServices.StartAsync(await RabbitMqServer.SharedAsync(), await PostgresServer.SharedAsync(), QuickParking);

        var poison = await services.AddRawOutboxRowAsync("KollegialtUtbyte.Gone.ParcelLost, KollegialtUtbyte.Gone", "{}");
        var behind = await services.SendAsync("behind an unknown type");

        var received = await Eventually.UntilAsync(() => services.ReceivedAsync(behind), r => r is not null, "the parcel behind the poison row arrived");
        Assert.Equal(1, received!.TimesApplied);
        var row = await Eventually.UntilAsync(() => services.OutboxRowAsync(poison), r => r.ParkedAt is not null, "the poison row was parked");
        Assert.Null(row.DispatchedAt);
        Assert.Equal(3, row.Attempts);
        Assert.Contains("cannot be resolved", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_whose_body_cannot_be_read_records_each_attempt_and_is_parked_while_later_rows_go_out()
    {
        await using var services = await ProofServices.StartAsync(await RabbitMqServer.SharedAsync(), await PostgresServer.SharedAsync(), QuickParking);
        var parcelType = typeof(ParcelSent);

        var poison = await services.AddRawOutboxRowAsync($"{parcelType.FullName}, {parcelType.Assembly.GetName().Name}", "{ not json");
        var first = await Eventually.UntilAsync(() => services.OutboxRowAsync(poison), r => r.Attempts >= 1, "the dispatcher tried the poison row");
        Assert.NotNull(first.LastError);
        Assert.NotNull(first.NextAttemptAt);
        var behind = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            behind.Add(await services.SendAsync($"behind a broken body {i}"));
        }

        foreach (var parcelId in behind)
        {
            await Eventually.UntilAsync(() => services.ReceivedAsync(parcelId), r => r is not null, $"parcel {parcelId} arrived");
        }

        var parked = await Eventually.UntilAsync(() => services.OutboxRowAsync(poison), r => r.ParkedAt is not null, "the poison row was parked");
        Assert.Equal(3, parked.Attempts);
        Assert.Null(parked.DispatchedAt);
        Assert.Contains("JsonException", parked.LastError, StringComparison.Ordinal);

        var health = await services.Sender.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        var outbox = health.Entries.Single(e => e.Key.EndsWith("-outbox", StringComparison.Ordinal)).Value;
        Assert.Equal(HealthStatus.Degraded, outbox.Status);
        Assert.Equal(1, outbox.Data["parked"]);
    }

    [Fact]
    public async Task Healthy_rows_are_published_in_the_order_they_were_committed()
    {
        await using var services = await ProofServices.StartAsync(await RabbitMqServer.SharedAsync(), await PostgresServer.SharedAsync());
        var published = new PublishOrder();
        services.Sender.Services.GetRequiredService<IBus>().ConnectPublishObserver(published);

        var parcels = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            parcels.Add(await services.SendAsync($"in order {i}"));
        }

        await Eventually.UntilAsync(() => Task.FromResult(published.Count >= parcels.Count), "every parcel was published");
        var committed = new List<Guid>();
        foreach (var parcelId in parcels)
        {
            committed.Add((await services.OutboxRecordAsync(parcelId)).MessageId);
        }

        Assert.Equal(committed, published.MessageIds.Where(committed.Contains));
    }

    private sealed class PublishOrder : IPublishObserver
    {
        private readonly List<Guid> _messageIds = [];

        public int Count
        {
            get
            {
                lock (_messageIds)
                {
                    return _messageIds.Count;
                }
            }
        }

        public IReadOnlyList<Guid> MessageIds
        {
            get
            {
                lock (_messageIds)
                {
                    return [.. _messageIds];
                }
            }
        }

        public Task PrePublish<T>(PublishContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context)
            where T : class
        {
            lock (_messageIds)
            {
                _messageIds.Add(context.MessageId!.Value);
            }

            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
