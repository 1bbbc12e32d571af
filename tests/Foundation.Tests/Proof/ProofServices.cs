using KollegialtUtbyte.ServiceDefaults.Messaging;
using KollegialtUtbyte.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.Foundation.Tests.Proof;

/// <summary>
/// Two service hosts built exactly as services build themselves (AddServiceDatabase,
/// AddServiceMessaging), each with its own PostgreSQL database, talking over RabbitMQ.
/// </summary>
public sealed class ProofServices : IAsyncDisposable
{
    private ProofServices(IHost sender, IHost receiver, string receiverName)
    {
        Sender = sender;
        Receiver = receiver;
        ReceiverName = receiverName;
    }

    /// <summary>The receiving service's name, which its endpoints carry after the run's queue prefix.</summary>
    public string ReceiverName { get; }

    public IHost Sender { get; }

    public IHost Receiver { get; }

    public static async Task<ProofServices> StartAsync(
        RabbitMqServer broker, PostgresServer postgres, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        // A unique suffix keeps this test's queues apart from other tests on the same broker.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var sender = Build($"sender-{suffix}", suffix, settings, clock, broker, await postgres.CreateDatabaseAsync("sender"), b => b.AddServiceDatabase<SenderDb>($"sender-{suffix}"));
        var receiver = Build($"receiver-{suffix}", suffix, settings, clock, broker, await postgres.CreateDatabaseAsync("receiver"), b =>
        {
            b.AddServiceDatabase<ReceiverDb>($"receiver-{suffix}");
            b.AddConsumer<ParcelSentConsumer>($"receiver-{suffix}");
        });
        await receiver.StartAsync();
        await sender.StartAsync();
        return new ProofServices(sender, receiver, $"receiver-{suffix}");
    }

    private static IHost Build(
        string name, string suffix, IReadOnlyDictionary<string, string?>? settings, TimeProvider? clock, RabbitMqServer broker, string connectionString, Action<IHostApplicationBuilder> module)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            [$"ConnectionStrings:{name}"] = connectionString,
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMqUri"] = broker.Uri.ToString(),
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:QueuePrefix"] = suffix,
            ["Outbox:MaxRetryDelay"] = "00:00:01",
            ["Outbox:PublishTimeout"] = "00:00:03",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceTelemetry(name);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        module(builder);
        builder.AddServiceMessaging(name);
        return builder.Build();
    }

    public async Task<Guid> SendAsync(string label)
    {
        await using var scope = Sender.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenderDb>().SendAsync(label);
    }

    public async Task<ReceivedParcel?> ReceivedAsync(Guid parcelId)
    {
        await using var scope = Receiver.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReceiverDb>().Received.AsNoTracking().SingleOrDefaultAsync(r => r.ParcelId == parcelId);
    }

    public async Task<int> UndispatchedAsync()
    {
        await using var scope = Sender.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenderDb>().Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null);
    }

    /// <summary>Writes an outbox row as a broken release or a damaged database might have left it.</summary>
    public async Task<long> AddRawOutboxRowAsync(string messageType, string body)
    {
        await using var scope = Sender.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenderDb>();
        var row = new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = messageType, Body = body };
        db.Set<OutboxMessage>().Add(row);
        await db.SaveChangesAsync();
        return row.SequenceNumber;
    }

    public async Task<OutboxMessage> OutboxRowAsync(long sequenceNumber)
    {
        await using var scope = Sender.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenderDb>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.SequenceNumber == sequenceNumber);
    }

    public async Task<OutboxMessage> OutboxRecordAsync(Guid parcelId)
    {
        await using var scope = Sender.Services.CreateAsyncScope();
        var records = await scope.ServiceProvider.GetRequiredService<SenderDb>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
        return records.Single(m => m.Body.Contains(parcelId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    public async Task<InboxMessage> InboxRecordAsync(Guid messageId)
    {
        await using var scope = Receiver.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReceiverDb>().Set<InboxMessage>().AsNoTracking().SingleAsync(m => m.MessageId == messageId);
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.StopAsync();
        await Receiver.StopAsync();
        Sender.Dispose();
        Receiver.Dispose();
    }
}
