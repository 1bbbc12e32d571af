using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.Benchmarks.EventPath;

/// <summary>
/// The proof's two service hosts (<see cref="ProofHosts"/>) as in production, with the receiver
/// keeping each parcel through <see cref="ParcelSentConsumer"/> and its inbox.
/// </summary>
public sealed class SuiteServices : IAsyncDisposable
{
    private readonly ProofHosts _hosts;

    private SuiteServices(ProofHosts hosts, string consumerQueue)
    {
        _hosts = hosts;
        ConsumerQueue = consumerQueue;
    }

    public IHost Sender => _hosts.Sender;

    public IHost Receiver => _hosts.Receiver;

    /// <summary>The receiver's queue (and exchange) of the event, to remove afterwards.</summary>
    public string ConsumerQueue { get; }

    public static async Task<SuiteServices> StartAsync(Uri broker, string senderDatabase, string receiverDatabase, string queuePrefix)
    {
        var hosts = await ProofHosts.StartAsync<ParcelSentConsumer>(
            "Production", broker, queuePrefix, new ProofHost("sender", senderDatabase), new ProofHost("receiver", receiverDatabase), builder =>
            {
                builder.Configuration["Seeds:Enabled"] = "false";
                builder.Logging.ClearProviders();

                // The migrator's first look for the history table fails on a new database, by design.
                builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
            });
        hosts.Receiver.Services.GetRequiredService<IBus>().ConnectConsumeObserver(new ArrivalObserver());
        return new SuiteServices(hosts, $"{queuePrefix}-receiver-parcel-sent");
    }

    public ValueTask DisposeAsync() => _hosts.DisposeAsync();

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
