using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Identity.Consumers;

/// <summary>A facilitator of the consultancy: provisions the account or adds the facilitator role.</summary>
public sealed class FacilitatorAddedConsumer(IdentityDb db, DirectorySync directory) : IdempotentConsumer<FacilitatorAdded, IdentityDb>(db)
{
    protected override async Task ApplyAsync(FacilitatorAdded message, ConsumeContext<FacilitatorAdded> context, CancellationToken cancellationToken)
    {
        var person = await directory.PersonAsync(message.PersonId, cancellationToken);
        person.ApplyDetails(new PersonDetails(message.Name, message.Email, message.PreferredLanguage), message.OccurredAt);
        person.ApplyFacilitator(true, message.OccurredAt);
        await directory.ReconcileAsync(person, cancellationToken);
    }
}

public sealed class FacilitatorRemovedConsumer(IdentityDb db, DirectorySync directory) : IdempotentConsumer<FacilitatorRemoved, IdentityDb>(db)
{
    protected override async Task ApplyAsync(FacilitatorRemoved message, ConsumeContext<FacilitatorRemoved> context, CancellationToken cancellationToken)
    {
        var person = await directory.PersonAsync(message.PersonId, cancellationToken);
        person.ApplyFacilitator(false, message.OccurredAt);
        await directory.ReconcileAsync(person, cancellationToken);
    }
}
