using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Identity.Consumers;

/// <summary>Keeps the person's details; an account of theirs follows a changed name or address.</summary>
public sealed class PersonRegisteredConsumer(IdentityDb db, DirectorySync directory) : IdempotentConsumer<PersonRegistered, IdentityDb>(db)
{
    protected override async Task ApplyAsync(PersonRegistered message, ConsumeContext<PersonRegistered> context, CancellationToken cancellationToken)
    {
        var person = await directory.PersonAsync(message.PersonId, cancellationToken);
        person.ApplyDetails(new PersonDetails(message.Name, message.Email, message.PreferredLanguage), message.OccurredAt);
        await directory.ReconcileAsync(person, cancellationToken);
    }
}

public sealed class PersonUpdatedConsumer(IdentityDb db, DirectorySync directory) : IdempotentConsumer<PersonUpdated, IdentityDb>(db)
{
    protected override async Task ApplyAsync(PersonUpdated message, ConsumeContext<PersonUpdated> context, CancellationToken cancellationToken)
    {
        var person = await directory.PersonAsync(message.PersonId, cancellationToken);
        person.ApplyDetails(new PersonDetails(message.Name, message.Email, message.PreferredLanguage), message.OccurredAt);
        await directory.ReconcileAsync(person, cancellationToken);
    }
}
