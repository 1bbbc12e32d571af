using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Identity.Consumers;

/// <summary>Someone changed a person's address in the directory: the owner confirms it from the new address, or stops it from the old.</summary>
public sealed class PersonEmailChangeRequestedConsumer(IdentityDb db, EmailChanges changes) : IdempotentConsumer<PersonEmailChangeRequested, IdentityDb>(db)
{
    protected override Task ApplyAsync(PersonEmailChangeRequested message, ConsumeContext<PersonEmailChangeRequested> context, CancellationToken cancellationToken) =>
        changes.RequestAsync(message, cancellationToken);
}

/// <summary>An administrator set the address directly: the account may follow it.</summary>
public sealed class PersonEmailChangedByAdministratorConsumer(IdentityDb db, EmailChanges changes) : IdempotentConsumer<PersonEmailChangedByAdministrator, IdentityDb>(db)
{
    protected override Task ApplyAsync(PersonEmailChangedByAdministrator message, ConsumeContext<PersonEmailChangedByAdministrator> context, CancellationToken cancellationToken) =>
        changes.RecordAdministratorChangeAsync(message, cancellationToken);
}
