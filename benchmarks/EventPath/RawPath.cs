using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace KollegialtUtbyte.Benchmarks.EventPath;

/// <summary>
/// The reference: RabbitMQ.Client alone. Persistent messages to a durable quorum queue, each
/// publish awaited until the broker confirms it; a consumer with the same prefetch as the
/// services' endpoints acknowledges each message after reading it. No database on either side.
/// </summary>
public sealed class RawPath(Uri broker, string queue, ushort prefetch) : IEventPath
{
    private IConnection? _publisherConnection;
    private IConnection? _consumerConnection;
    private IChannel? _publisher;
    private IChannel? _consumer;

    public string Name => "raw RabbitMQ.Client (confirms, quorum queue)";

    public string ServerVersion { get; private set; } = "?";

    public async Task StartAsync()
    {
        var factory = new ConnectionFactory { Uri = broker };
        _publisherConnection = await factory.CreateConnectionAsync("event-path-raw-publisher");
        _consumerConnection = await factory.CreateConnectionAsync("event-path-raw-consumer");
        if (_publisherConnection.ServerProperties?.TryGetValue("version", out var version) == true && version is byte[] bytes)
        {
            ServerVersion = System.Text.Encoding.UTF8.GetString(bytes);
        }

        _publisher = await _publisherConnection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await _publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });

        _consumer = await _consumerConnection.CreateChannelAsync();
        await _consumer.BasicQosAsync(0, prefetch, global: false);
        var consumer = new AsyncEventingBasicConsumer(_consumer);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var parcel = JsonSerializer.Deserialize<ParcelSent>(delivery.Body.Span, OutboxJson.Options)
                ?? throw new JsonException("An empty message.");
            Arrivals.Consuming(parcel.ParcelId);
            Arrivals.Arrived(parcel.ParcelId);
            await _consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await _consumer.BasicConsumeAsync(queue, autoAck: false, consumer);
    }

    public async Task SendAsync(ParcelSent parcel)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            MessageId = parcel.ParcelId.ToString(),
            ContentType = "application/json",
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(parcel, OutboxJson.Options);
        // With confirmation tracking the call returns once the broker has confirmed the message.
        await _publisher!.BasicPublishAsync(exchange: "", routingKey: queue, mandatory: false, properties, body);
    }

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
        }

        foreach (var disposable in new IAsyncDisposable?[] { _consumer, _publisher, _consumerConnection, _publisherConnection })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
