using MassTransit;
using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>
/// No lost messages, proved against a real RabbitMQ and real PostgreSQL: what a service commits
/// reaches the other service exactly once, what it rolls back never leaves, and a broker outage
/// delays delivery without losing or duplicating anything.
/// </summary>
public sealed class OutboxProofTests
{
    [Fact]
    public async Task An_event_committed_with_the_state_change_reaches_a_consumer_in_another_service()
    {
        await using var services = await ProofServices.StartAsync(await RabbitMqServer.SharedAsync(), await PostgresServer.SharedAsync());

        var parcelId = await services.SendAsync("Värmlandsstrategin");

        var received = await Eventually.UntilAsync(() => services.ReceivedAsync(parcelId), r => r is not null, "the receiver applied the parcel");
        Assert.Equal("Värmlandsstrategin", received!.Label);
        Assert.Equal(1, received.TimesApplied);
    }

    [Fact]
    public async Task Outbox_and_inbox_records_are_stamped_by_the_service_clock_that_decides_their_retention()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 9, 14, 7, 30, 0, TimeSpan.Zero));
        await using var services = await ProofServices.StartAsync(await RabbitMqServer.SharedAsync(), await PostgresServer.SharedAsync(), clock: clock);

        var parcelId = await services.SendAsync("Norrbottens handlingsplan");
        await Eventually.UntilAsync(() => services.ReceivedAsync(parcelId), r => r is not null, "the receiver applied the parcel");

        // The dispatcher marks the record after the broker confirmed it, which can be after the
        // receiver already applied it: wait for the mark rather than race it.
        var sent = await Eventually.UntilAsync(() => services.OutboxRecordAsync(parcelId), r => r.DispatchedAt is not null, "the sender marked the parcel dispatched");
        Assert.Equal(clock.GetUtcNow().UtcDateTime, sent.CreatedAt);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, sent.DispatchedAt);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, (await services.InboxRecordAsync(sent.MessageId)).ProcessedAt);
    }

    [Fact]
    public async Task The_inbox_keys_an_applied_message_by_the_consumers_endpoint_name_without_the_queue_prefix()
    {
        await using var services = await ProofServices.StartAsync(await RabbitMqServer.SharedAsync(), await PostgresServer.SharedAsync());

        var parcelId = await services.SendAsync("Gotlands plan");
        await Eventually.UntilAsync(() => services.ReceivedAsync(parcelId), r => r is not null, "the receiver applied the parcel");
        var sent = await services.OutboxRecordAsync(parcelId);

        var applied = await services.InboxRecordAsync(sent.MessageId);
        Assert.Equal($"{services.ReceiverName}-parcel-sent", applied.Consumer);
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        await using var services = await ProofServices.StartAsync(await RabbitMqServer.SharedAsync(), await PostgresServer.SharedAsync());

        Guid rolledBack;
        await using (var scope = services.Sender.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenderDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            rolledBack = await db.SendAsync("never committed", TestContext.Current.CancellationToken);
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        // Outbox order: once a later parcel has arrived, the rolled-back one would have too.
        var later = await services.SendAsync("committed afterwards");
        await Eventually.UntilAsync(() => services.ReceivedAsync(later), r => r is not null, "the later parcel arrived");

        Assert.Null(await services.ReceivedAsync(rolledBack));

        // The later parcel is marked dispatched once the broker confirmed it, possibly after it arrived.
        await Eventually.UntilAsync(services.UndispatchedAsync, count => count == 0, "the outbox holds nothing undispatched");
    }

    [Fact]
    public async Task Events_written_while_the_broker_is_down_are_delivered_once_after_it_restarts()
    {
        await using var broker = await RabbitMqServer.StartPrivateAsync();
        await using var services = await ProofServices.StartAsync(broker, await PostgresServer.SharedAsync());
        var before = await services.SendAsync("before the outage");
        await Eventually.UntilAsync(() => services.ReceivedAsync(before), r => r is not null, "the first parcel arrived");

        await broker.StopAsync();
        var duringOutage = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            duringOutage.Add(await services.SendAsync($"during the outage {i}"));
        }

        Assert.True(await services.UndispatchedAsync() > 0, "with the broker down, the events wait in the outbox");
        await broker.StartAsync();

        foreach (var parcelId in duringOutage)
        {
            var received = await Eventually.UntilAsync(() => services.ReceivedAsync(parcelId), r => r is not null,
                $"parcel {parcelId} arrived after the restart", TimeSpan.FromSeconds(90));
            Assert.Equal(1, received!.TimesApplied);
        }

        await Eventually.UntilAsync(services.UndispatchedAsync, count => count == 0, "the outbox holds nothing undispatched");
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_applied_once()
    {
        await using var services = await ProofServices.StartAsync(await RabbitMqServer.SharedAsync(), await PostgresServer.SharedAsync());
        var counter = new CompletedDeliveries();
        services.Receiver.Services.GetRequiredService<IBus>().ConnectConsumeObserver(counter);
        var bus = services.Sender.Services.GetRequiredService<IBus>();
        var message = new ParcelSent(Guid.NewGuid(), "delivered twice", DateTimeOffset.UtcNow);
        var messageId = NewId.NextGuid();

        // A redelivery: the broker hands the consumer the same message (same id) a second time.
        await bus.Publish(message, context => context.MessageId = messageId, TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => Task.FromResult(counter.CompletedFor(messageId) == 1), "the first delivery was consumed");
        await bus.Publish(message, context => context.MessageId = messageId, TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => Task.FromResult(counter.CompletedFor(messageId) == 2), "the second delivery was consumed");

        var received = await services.ReceivedAsync(message.ParcelId);
        Assert.Equal(1, received!.TimesApplied);
    }
}
