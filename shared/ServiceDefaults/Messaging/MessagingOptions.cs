namespace KollegialtUtbyte.ServiceDefaults.Messaging;

public enum MessagingTransport
{
    /// <summary>MassTransit's in-memory transport: the embedded default and fast tests.</summary>
    InMemory,

    /// <summary>RabbitMQ with quorum queues: the distributed mode.</summary>
    RabbitMq,
}

/// <summary>Section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary>amqp://user:password@host:port/vhost (or <c>ConnectionStrings:rabbitmq</c>).</summary>
    public string? RabbitMqUri { get; set; }

    /// <summary>Quorum queues survive a broker node's loss; on by default, as in a cluster.</summary>
    public bool QuorumQueues { get; set; } = true;

    /// <summary>
    /// Redeliveries within the consumer before a message moves to the _error queue. Generous on
    /// purpose: most failures here are passing (a concurrency conflict, a database restart) and the
    /// window, about a minute with the defaults, outlasts them.
    /// </summary>
    public int RetryLimit { get; set; } = 10;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    public ushort PrefetchCount { get; set; } = 16;

    /// <summary>Prepended to every queue name; isolates test runs sharing one broker.</summary>
    public string? QueuePrefix { get; set; }

    /// <summary>With the in-memory transport: register MassTransit's test harness so tests can observe messages.</summary>
    public bool UseTestHarness { get; set; }
}
