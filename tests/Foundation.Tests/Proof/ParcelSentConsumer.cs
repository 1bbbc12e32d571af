using MassTransit;

namespace KollegialtUtbyte.Foundation.Tests.Proof;

/// <summary>Counts applications instead of inserting once, so a double application would show.</summary>
public sealed class ParcelSentConsumer(ReceiverDb db) : IdempotentConsumer<ParcelSent, ReceiverDb>(db)
{
    protected override async Task ApplyAsync(ParcelSent message, ConsumeContext<ParcelSent> context, CancellationToken cancellationToken)
    {
        var received = await Db.Received.FindAsync([message.ParcelId], cancellationToken);
        if (received is null)
        {
            received = new ReceivedParcel { ParcelId = message.ParcelId, Label = message.Label };
            Db.Received.Add(received);
        }

        received.TimesApplied++;
    }
}
