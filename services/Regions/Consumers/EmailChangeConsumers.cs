using MassTransit;

namespace KollegialtUtbyte.Regions.Consumers;

// The owner's answer to an e-mail change, from Identity's confirm and stop pages. Only the
// pending change the answer names is affected: a newer request has replaced an older one.

/// <summary>The owner confirmed the new address: the directory adopts it and tells everyone, as for any change.</summary>
public sealed class PersonEmailChangeConfirmedConsumer(RegionsDb db, ILogger<PersonEmailChangeConfirmedConsumer> logger)
    : IdempotentConsumer<PersonEmailChangeConfirmed, RegionsDb>(db)
{
    protected override async Task ApplyAsync(PersonEmailChangeConfirmed message, ConsumeContext<PersonEmailChangeConfirmed> context, CancellationToken cancellationToken)
    {
        var person = await Db.People.FirstOrDefaultAsync(p => p.Id == message.PersonId, cancellationToken);
        if (person is not { PendingEmail: { } pending, NormalizedPendingEmail: { } normalized } || person.PendingEmailChangeId != message.ChangeId)
        {
            logger.LogInformation("E-mail change {ChangeId} of person {PersonId} is no longer pending; its confirmation changes nothing", message.ChangeId, message.PersonId);
            return;
        }

        if (await Db.People.AnyAsync(p => p.Id != person.Id && p.NormalizedEmail == normalized, cancellationToken))
        {
            logger.LogWarning("E-mail change {ChangeId} of person {PersonId} is dropped: another person uses the address now", message.ChangeId, message.PersonId);
            person.CancelEmailChange(message.ChangeId);
            return;
        }

        var previous = person.EmailInUse;
        var requestedBy = person.PendingEmailRequestedBy;
        person.ConfirmEmailChange(message.ChangeId);
        Db.EmailChangeAudits.Add(EmailChangeAudit.Record(person.Id, EmailChangeStep.Confirmed, previous, pending, requestedBy, null, message.OccurredAt));
        Db.Audit(AuditActions.EmailChangeConfirmed, person.Id, person.Id, message.OccurredAt, new { message.ChangeId });
        await PersonAnnouncements.AnnounceUpdateAsync(Db, person, message.OccurredAt, cancellationToken);
    }
}

/// <summary>The change was stopped from the old address: the pending address is dropped.</summary>
public sealed class PersonEmailChangeCancelledConsumer(RegionsDb db) : IdempotentConsumer<PersonEmailChangeCancelled, RegionsDb>(db)
{
    protected override async Task ApplyAsync(PersonEmailChangeCancelled message, ConsumeContext<PersonEmailChangeCancelled> context, CancellationToken cancellationToken)
    {
        var person = await Db.People.FirstOrDefaultAsync(p => p.Id == message.PersonId, cancellationToken);
        if (person is { PendingEmail: { } pending } && person.CancelEmailChange(message.ChangeId))
        {
            Db.EmailChangeAudits.Add(EmailChangeAudit.Record(person.Id, EmailChangeStep.Cancelled, person.EmailInUse, pending, null, null, message.OccurredAt));
            Db.Audit(AuditActions.EmailChangeCancelled, null, person.Id, message.OccurredAt, new { message.ChangeId });
        }
    }
}
