using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// Another "service" on the real broker that records the events it receives, so a test can
/// check that what a service published really crossed RabbitMQ. Its queue is temporary and
/// unique to the recorder.
/// </summary>
public sealed class EventRecorder : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConcurrentQueue<object> _received;

    private EventRecorder(IHost host, ConcurrentQueue<object> received)
    {
        _host = host;
        _received = received;
    }

    /// <summary>Starts a recorder for the given event types on <paramref name="broker"/>.</summary>
    public static async Task<EventRecorder> StartAsync(RabbitMqServer broker, params Type[] eventTypes)
    {
        var received = new ConcurrentQueue<object>();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.UsingRabbitMq((_, cfg) =>
            {
                cfg.Host(broker.Uri);
                cfg.ConfigureJsonSerializerOptions(ServiceDefaults.Outbox.OutboxJson.Configure);
                cfg.ReceiveEndpoint($"recorder-{Guid.NewGuid():N}", endpoint =>
                {
                    endpoint.AutoDelete = true;
                    endpoint.Durable = false;
                    foreach (var type in eventTypes)
                    {
                        var recorder = (IRecorder)Activator.CreateInstance(typeof(Recorder<>).MakeGenericType(type), received)!;
                        recorder.Attach(endpoint);
                    }
                });
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var host = builder.Build();
        await host.StartAsync();
        return new EventRecorder(host, received);
    }

    public IReadOnlyList<T> All<T>() => _received.OfType<T>().ToList();

    /// <summary>Waits (bounded) for an event of type <typeparamref name="T"/> that matches.</summary>
    public Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan? timeout = null)
        where T : class =>
        Eventually.UntilAsync(
            () => Task.FromResult(_received.OfType<T>().FirstOrDefault(match)),
            found => found is not null,
            $"a {typeof(T).Name} arrived over RabbitMQ",
            timeout)!;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private interface IRecorder
    {
        void Attach(IReceiveEndpointConfigurator endpoint);
    }

    private sealed class Recorder<T>(ConcurrentQueue<object> received) : IRecorder
        where T : class
    {
        public void Attach(IReceiveEndpointConfigurator endpoint) =>
            endpoint.Handler<T>(context =>
            {
                received.Enqueue(context.Message);
                return Task.CompletedTask;
            });
    }
}

/// <summary>Settings that put a service under test on real PostgreSQL and RabbitMQ.</summary>
public static class DistributedSettings
{
    public static Dictionary<string, string?> For(string serviceName, RabbitMqServer broker, string postgresConnectionString) => new()
    {
        ["Database:Provider"] = "Postgres",
        [$"ConnectionStrings:{serviceName}"] = postgresConnectionString,
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:UseTestHarness"] = "false",
        ["Messaging:RabbitMqUri"] = broker.Uri.ToString(),
        ["Messaging:QueuePrefix"] = "t" + Guid.NewGuid().ToString("N")[..8],
    };
}
