using KollegialtUtbyte.Foundation.Tests.Proof;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task Healthy_rows_reach_the_broker_in_the_order_they_were_committed()
    {
        var broker = await RabbitMqServer.SharedAsync();
        await using var services = await ProofServices.StartAsync(broker, await PostgresServer.SharedAsync());
        await using var tap = await BrokerTap.OpenAsync<ParcelSent>(broker.Uri, services.Sender.Services.GetRequiredService<IBus>());

        // Many in one transaction (one batch, confirmed together; the first of them the first of
        // their type since the sender started), then one by one, then many again.
        await services.SendTogetherAsync(40);
        for (var i = 0; i < 20; i++)
        {
            await services.SendAsync($"in order {i}");
        }

        await services.SendTogetherAsync(40);

        var committed = (await services.OutboxRowsAsync()).Select(m => m.MessageId).ToList();
        Assert.Equal(100, committed.Count);
        var published = await Eventually.UntilAsync(Published(tap, committed), ids => ids.Count >= committed.Count, "every parcel reached the broker");
        Assert.Equal(committed, published);
    }

    [Fact]
    public async Task A_row_that_fails_in_a_batch_neither_holds_back_nor_reorders_the_rows_committed_with_it()
    {
        var broker = await RabbitMqServer.SharedAsync();
        await using var services = await ProofServices.StartAsync(broker, await PostgresServer.SharedAsync(), QuickParking);
        await using var tap = await BrokerTap.OpenAsync<ParcelSent>(broker.Uri, services.Sender.Services.GetRequiredService<IBus>());

        var (parcels, broken) = await services.SendTogetherAsync(12, brokenBodyAt: 5);

        var healthy = (await services.OutboxRowsAsync()).Where(m => m.SequenceNumber != broken).Select(m => m.MessageId).ToList();
        Assert.Equal(12, healthy.Count);
        var published = await Eventually.UntilAsync(Published(tap, healthy), ids => ids.Count >= healthy.Count, "every healthy parcel reached the broker");
        Assert.Equal(healthy, published);
        foreach (var parcelId in parcels)
        {
            var received = await Eventually.UntilAsync(() => services.ReceivedAsync(parcelId), r => r is not null, $"parcel {parcelId} arrived");
            Assert.Equal(1, received!.TimesApplied);
        }

        var rows = await Eventually.UntilAsync(services.OutboxRowsAsync, r => r.All(m => m.DispatchedAt is not null || m.ParkedAt is not null), "every row was dispatched or parked");
        Assert.All(rows.Where(m => m.SequenceNumber != broken), m => Assert.Equal(1, m.Attempts));
        var parked = rows.Single(m => m.SequenceNumber == broken);
        Assert.Null(parked.DispatchedAt);
        Assert.Equal(3, parked.Attempts);
        Assert.Contains("JsonException", parked.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_secret_is_blanked_once_dispatched_while_rows_dispatched_with_it_keep_their_body()
    {
        await using var services = await ProofServices.StartAsync(await RabbitMqServer.SharedAsync(), await PostgresServer.SharedAsync());

        await using (var scope = services.Sender.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenderDb>();
            var parcel = new Parcel { Id = Guid.NewGuid(), Label = "with a collection code" };
            db.Parcels.Add(parcel);
            db.AddEvent(new ParcelSent(parcel.Id, parcel.Label, DateTimeOffset.UtcNow));
            db.AddEvent(new ParcelCollectionCodeSent(parcel.Id, "s3cret-code"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var rows = await Eventually.UntilAsync(services.OutboxRowsAsync, r => r.Count == 2 && r.All(m => m.DispatchedAt is not null), "both rows were dispatched");
        Assert.Contains("with a collection code", rows[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-code", rows[1].Body, StringComparison.Ordinal);
        Assert.All(rows, m => Assert.Equal(1, m.Attempts));
        Assert.All(rows, m => Assert.Null(m.LastError));
    }

    /// <summary>The broker's order of this test's messages (tests running alongside publish the same event type).</summary>
    private static Func<Task<List<Guid>>> Published(BrokerTap tap, IReadOnlyCollection<Guid> ours) =>
        async () => [.. (await tap.MessageIdsAsync()).Where(ours.Contains)];
}
