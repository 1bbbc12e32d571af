using KollegialtUtbyte.Notifications.Domain.Mails;
using MassTransit;

namespace KollegialtUtbyte.Notifications.Application.Mailing;

/// <summary>What caused a mail: the first part of its deduplication key.</summary>
public static class MailCause
{
    /// <summary>An event, identified by its message id (the publishing outbox keeps it across redeliveries).</summary>
    public static string Of(ConsumeContext context) =>
        "event:" + (context.MessageId ?? throw new InvalidOperationException("A message without an id cannot cause a mail.")).ToString("N");

    /// <summary>A reminder for one target moment: moved to a new time, it may remind again.</summary>
    public static string Of(Reminder reminder) => $"reminder:{reminder.Id:N}:{reminder.TargetAt.UtcTicks}";
}

/// <summary>
/// Records mails in the database, to be sent by the dispatcher after the caller's transaction
/// commits. A mail whose deduplication key (cause, kind, recipient) is already recorded is not
/// queued again, so a redelivered event never mails twice.
/// </summary>
public sealed class MailQueue(NotificationsDb db, TimeProvider time)
{
    /// <summary>A mail to a person of the directory, in their language, at their address when it is sent.</summary>
    public Task<bool> ToPersonAsync(string cause, MailKind kind, Guid personId, MailPayload payload, CancellationToken cancellationToken) =>
        EnqueueAsync(OutgoingMail.ToPerson(KeyFor(cause, kind, $"person:{personId:N}"), kind, personId, MailPayloadJson.Serialize(payload), time.GetUtcNow()),
            cancellationToken);

    /// <summary>A mail to a given address; <paramref name="personId"/>, when known, supplies the language the event did not.</summary>
    public Task<bool> ToAddressAsync(
        string cause, MailKind kind, string address, string? name, Language? language, Guid? personId, MailPayload payload, CancellationToken cancellationToken) =>
        EnqueueAsync(
            OutgoingMail.ToAddress(KeyFor(cause, kind, "mailto:" + address.Trim().ToLowerInvariant()), kind, address, name, language, personId,
                MailPayloadJson.Serialize(payload), time.GetUtcNow()),
            cancellationToken);

    private static string KeyFor(string cause, MailKind kind, string recipient) => Limits.Clip($"{cause}/{kind}/{recipient}", Limits.DeduplicationKey);

    private async Task<bool> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (mail.PersonId is { } personId && await db.People.FindAsync([personId], cancellationToken) is { IsErased: true })
        {
            // Nothing is mailed to an erased person, whatever late event asks for it.
            return false;
        }

        var key = mail.DeduplicationKey;
        if (db.ChangeTracker.Entries<OutgoingMail>().Any(e => e.Entity.DeduplicationKey == key)
            || await db.OutgoingMails.AnyAsync(m => m.DeduplicationKey == key, cancellationToken))
        {
            return false;
        }

        db.OutgoingMails.Add(mail);
        return true;
    }
}
