using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.Testing.Proof;

/// <summary>
/// Two service hosts built exactly as the services build themselves (AddServiceDatabase,
/// AddServiceTelemetry, AddServiceMessaging over RabbitMQ), each with its own PostgreSQL
/// database: the sender commits parcels with their event in its outbox, the receiver applies
/// them through its consumer and inbox.
/// </summary>
public sealed class ProofHosts : IAsyncDisposable
{
    private ProofHosts(IHost sender, IHost receiver)
    {
        Sender = sender;
        Receiver = receiver;
    }

    public IHost Sender { get; }

    public IHost Receiver { get; }

    /// <param name="configure">What the caller adds to both hosts (settings, logging) before the service defaults read them.</param>
    public static async Task<ProofHosts> StartAsync<TConsumer>(
        string environment, Uri broker, string queuePrefix, ProofHost sender, ProofHost receiver, Action<HostApplicationBuilder> configure)
        where TConsumer : class, IConsumer
    {
        var senderHost = Build(environment, broker, queuePrefix, sender, configure, b => b.AddServiceDatabase<SenderDb>(sender.Name));
        var receiverHost = Build(environment, broker, queuePrefix, receiver, configure, b =>
        {
            b.AddServiceDatabase<ReceiverDb>(receiver.Name);
            b.AddConsumer<TConsumer>(receiver.Name);
        });
        await receiverHost.StartAsync();
        await senderHost.StartAsync();
        return new ProofHosts(senderHost, receiverHost);
    }

    private static IHost Build(
        string environment, Uri broker, string queuePrefix, ProofHost host, Action<HostApplicationBuilder> configure, Action<IHostApplicationBuilder> module)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            [$"ConnectionStrings:{host.Name}"] = host.ConnectionString,
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMqUri"] = broker.ToString(),
            ["Messaging:QueuePrefix"] = queuePrefix,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure(builder);
        builder.AddServiceTelemetry(host.Name);
        module(builder);
        builder.AddServiceMessaging(host.Name);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.StopAsync();
        await Receiver.StopAsync();
        Sender.Dispose();
        Receiver.Dispose();
    }
}

/// <summary>One of the two proof services: its service name and its database.</summary>
public sealed record ProofHost(string Name, string ConnectionString);
