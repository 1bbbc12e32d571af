using MassTransit;
using RabbitMQ.Client;

namespace KollegialtUtbyte.Foundation.Tests.Proof;

/// <summary>
/// A queue of its own bound to an event's exchange: it holds the event's messages in the order the
/// broker received them, which is the order a consumer taking one message at a time would see.
/// </summary>
public sealed class BrokerTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;
    private readonly List<Guid> _messageIds = [];

    private BrokerTap(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<BrokerTap> OpenAsync<TEvent>(Uri broker, IBus bus)
        where TEvent : class
    {
        var exchange = bus.Topology.Message<TEvent>().EntityName;
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, routingKey: "");
        return new BrokerTap(connection, channel, queue.QueueName);
    }

    /// <summary>The message ids received so far, in broker order.</summary>
    public async Task<IReadOnlyList<Guid>> MessageIdsAsync()
    {
        while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } message)
        {
            _messageIds.Add(Guid.Parse(message.BasicProperties.MessageId!));
        }

        return [.. _messageIds];
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
