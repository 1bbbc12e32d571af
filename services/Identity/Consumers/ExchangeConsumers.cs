using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Identity.Consumers;

// Strategic dialogues and member networks: the people invited to them, and the people named to
// their roles, get an account with the participant role, so that they can read what they were
// invited to and the convener and secretary can sign the network's protocols.

public sealed class ExchangeParticipantAddedConsumer(IdentityDb db, DirectorySync directory) : IdempotentConsumer<ExchangeParticipantAdded, IdentityDb>(db)
{
    protected override Task ApplyAsync(ExchangeParticipantAdded message, ConsumeContext<ExchangeParticipantAdded> context, CancellationToken cancellationToken) =>
        directory.ApplyInvitationAsync(message.PersonId, message.ProgrammeId, invited: true, message.OccurredAt, cancellationToken);
}

public sealed class ExchangeParticipantRemovedConsumer(IdentityDb db, DirectorySync directory) : IdempotentConsumer<ExchangeParticipantRemoved, IdentityDb>(db)
{
    protected override Task ApplyAsync(ExchangeParticipantRemoved message, ConsumeContext<ExchangeParticipantRemoved> context, CancellationToken cancellationToken) =>
        directory.ApplyInvitationAsync(message.PersonId, message.ProgrammeId, invited: false, message.OccurredAt, cancellationToken);
}

public sealed class ExchangeRegisteredConsumer(IdentityDb db, ExchangeRoleHolders holders) : IdempotentConsumer<ProgrammeRegistered, IdentityDb>(db)
{
    protected override Task ApplyAsync(ProgrammeRegistered message, ConsumeContext<ProgrammeRegistered> context, CancellationToken cancellationToken) =>
        holders.ApplyAsync(message.ProgrammeId, [message.LeaderPersonId, message.ConvenerPersonId, message.SecretaryPersonId], message.OccurredAt, cancellationToken);
}

public sealed class ExchangeUpdatedConsumer(IdentityDb db, ExchangeRoleHolders holders) : IdempotentConsumer<ProgrammeUpdated, IdentityDb>(db)
{
    protected override Task ApplyAsync(ProgrammeUpdated message, ConsumeContext<ProgrammeUpdated> context, CancellationToken cancellationToken) =>
        holders.ApplyAsync(message.ProgrammeId, [message.LeaderPersonId, message.ConvenerPersonId, message.SecretaryPersonId], message.OccurredAt, cancellationToken);
}
