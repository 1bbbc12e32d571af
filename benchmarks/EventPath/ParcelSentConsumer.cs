using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Benchmarks.EventPath;

/// <summary>
/// Keeps a local copy of each parcel, exactly once per message, as the services' consumers do:
/// one insert, no look-up first.
/// </summary>
public sealed class ParcelSentConsumer(ReceiverDb db) : IdempotentConsumer<ParcelSent, ReceiverDb>(db)
{
    protected override Task ApplyAsync(ParcelSent message, ConsumeContext<ParcelSent> context, CancellationToken cancellationToken)
    {
        // Saved with the inbox record in the consumer's one SaveChanges.
        Db.Received.Add(new ReceivedParcel { ParcelId = message.ParcelId, Label = message.Label, TimesApplied = 1 });
        return Task.CompletedTask;
    }
}
