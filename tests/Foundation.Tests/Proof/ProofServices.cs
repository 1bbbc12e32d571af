namespace KollegialtUtbyte.Foundation.Tests.Proof;

/// <summary>
/// The proof's two service hosts (<see cref="ProofHosts"/>) on the test servers, with the
/// receiver counting how often it applied each parcel, and the look-ups the proof tests make.
/// </summary>
public sealed class ProofServices : IAsyncDisposable
{
    private readonly ProofHosts _hosts;

    private ProofServices(ProofHosts hosts, string receiverName)
    {
        _hosts = hosts;
        ReceiverName = receiverName;
    }

    /// <summary>The receiving service's name, which its endpoints carry after the run's queue prefix.</summary>
    public string ReceiverName { get; }

    public IHost Sender => _hosts.Sender;

    public IHost Receiver => _hosts.Receiver;

    public static async Task<ProofServices> StartAsync(
        RabbitMqServer broker, PostgresServer postgres, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        // A unique suffix keeps this test's queues apart from other tests on the same broker.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var sender = new ProofHost($"sender-{suffix}", await postgres.CreateDatabaseAsync("sender"));
        var receiver = new ProofHost($"receiver-{suffix}", await postgres.CreateDatabaseAsync("receiver"));
        var hosts = await ProofHosts.StartAsync<ParcelSentConsumer>("Testing", broker.Uri, suffix, sender, receiver, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Messaging:RetryLimit"] = "2",
                ["Outbox:MaxRetryDelay"] = "00:00:01",
                ["Outbox:PublishTimeout"] = "00:00:03",
            });
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });
        return new ProofServices(hosts, receiver.Name);
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

    public ValueTask DisposeAsync() => _hosts.DisposeAsync();
}
