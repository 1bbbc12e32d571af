using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.Benchmarks.EventPath;

/// <summary>
/// Two service hosts built as the services build themselves (AddServiceDatabase,
/// AddServiceMessaging with RabbitMQ, quorum queues and publisher confirms), each with its own
/// PostgreSQL database: the sender commits parcels with their event in its outbox, the
/// receiver consumes them through <see cref="ParcelSentConsumer"/> and its inbox.
/// </summary>
public sealed class SuiteServices : IAsyncDisposable
{
    private SuiteServices(IHost sender, IHost receiver, string consumerQueue)
    {
        Sender = sender;
        Receiver = receiver;
        ConsumerQueue = consumerQueue;
    }

    public IHost Sender { get; }

    public IHost Receiver { get; }

    /// <summary>The receiver's queue (and exchange) of the event, to remove afterwards.</summary>
    public string ConsumerQueue { get; }

    public static async Task<SuiteServices> StartAsync(Uri broker, string senderDatabase, string receiverDatabase, string queuePrefix)
    {
        var sender = Build("sender", queuePrefix, broker, senderDatabase, b => b.AddServiceDatabase<SenderDb>("sender"));
        var receiver = Build("receiver", queuePrefix, broker, receiverDatabase, b =>
        {
            b.AddServiceDatabase<ReceiverDb>("receiver");
            b.AddConsumer<ParcelSentConsumer>("receiver");
        });
        await receiver.StartAsync();
        await sender.StartAsync();
        receiver.Services.GetRequiredService<IBus>().ConnectConsumeObserver(new ArrivalObserver());
        return new SuiteServices(sender, receiver, $"{queuePrefix}-receiver-parcel-sent");
    }

    private static IHost Build(string name, string queuePrefix, Uri broker, string connectionString, Action<IHostApplicationBuilder> module)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            [$"ConnectionStrings:{name}"] = connectionString,
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMqUri"] = broker.ToString(),
            ["Messaging:QueuePrefix"] = queuePrefix,
            ["Seeds:Enabled"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.AddServiceTelemetry(name);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The migrator's first look for the history table fails on a new database, by design.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        module(builder);
        builder.AddServiceMessaging(name);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.StopAsync();
        await Receiver.StopAsync();
        Sender.Dispose();
        Receiver.Dispose();
    }

    /// <summary>Marks a parcel consumed once the consumer (and its inbox transaction) completed.</summary>
    private sealed class ArrivalObserver : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.Message is ParcelSent parcel)
            {
                Arrivals.Consuming(parcel.ParcelId);
            }

            return Task.CompletedTask;
        }

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.Message is ParcelSent parcel)
            {
                Arrivals.Arrived(parcel.ParcelId);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}

/// <summary>The suite's event path: state change and event committed together, the outbox dispatcher publishes, the consumer applies through its inbox.</summary>
public sealed class OutboxPath(SuiteServices services) : IEventPath
{
    public string Name => "suite: outbox → MassTransit → consumer with inbox";

    public async Task SendAsync(ParcelSent parcel)
    {
        await using var scope = services.Sender.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SenderDb>().SendAsync(parcel);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// For the breakdown, not a way the services may publish: the same event published straight
/// through MassTransit (no outbox), to the same consumer with its inbox.
/// </summary>
public sealed class DirectPublishPath(SuiteServices services) : IEventPath
{
    public string Name => "breakdown: MassTransit publish (no outbox) → consumer with inbox";

    public Task SendAsync(ParcelSent parcel) => services.Sender.Services.GetRequiredService<IBus>().Publish(parcel);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
