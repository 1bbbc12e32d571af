using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.PersonalData;

namespace KollegialtUtbyte.Notifications.Consumers;

/// <summary>
/// The mails' part of an export: the person's copy from the directory and every mail to her that
/// is kept (kind, subject, address, when, how it went), without the payload, which may hold the
/// secret of a link.
/// </summary>
public sealed class ExportPersonalData(NotificationsDb db, TimeProvider time) : PersonalDataExportConsumer<NotificationsDb>(db, time)
{
    protected override string Service => NotificationsModule.Name;

    protected override async Task<object> CollectAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await Db.People.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        var mails = await Db.OutgoingMails.AsNoTracking().Where(m => m.PersonId == personId).ToListAsync(cancellationToken);
        return new
        {
            person = person is null ? null : new { person.Name, person.Email, person.PreferredLanguage },
            mails = mails.OrderBy(m => m.CreatedAt).Select(m => new
            {
                m.Kind,
                m.Subject,
                To = m.SentTo ?? m.Address,
                m.Status,
                m.CreatedAt,
                m.SentAt,
                m.FailedAt,
            }),
        };
    }
}

/// <summary>
/// The mails' part of an erasure: her copy becomes "Borttagen person" with no address and stays a
/// tombstone (later directory or account news is ignored, and nothing is queued for her again);
/// mails still to be sent to her are deleted; the mails she was sent keep kind, subject and when,
/// but not her address, name or what they were written from (their links); queued mails to
/// others that name her name "Borttagen person"; her invitations' answer links and an
/// administrator account of hers are forgotten.
/// </summary>
public sealed class ErasePersonalData(NotificationsDb db, TimeProvider time) : PersonalDataErasureConsumer<NotificationsDb>(db, time)
{
    protected override string Service => NotificationsModule.Name;

    protected override async Task EraseAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (person, _) = await Db.FindOrInsertAsync([personId], () => Person.Erased(personId, now), cancellationToken);
        var accounts = await Db.AdministratorAccounts.Where(a => a.PersonId == personId).ToListAsync(cancellationToken);
        // Her names and addresses as this service knew them, before they are forgotten.
        var names = accounts.Select(a => a.Name).Append(person.Name).Where(n => n.Length > 0 && n != ErasedPerson.Name).Distinct().ToList();
        var emails = accounts.Select(a => a.Email).Append(person.Email).Where(e => e.Length > 0).Select(e => e.ToLowerInvariant()).Distinct().ToList();

        person.Erase(now);
        foreach (var account in accounts)
        {
            account.Erase();
        }

        var hers = await Db.OutgoingMails
            .Where(m => m.PersonId == personId
                || (m.Address != null && emails.Contains(m.Address.ToLower()))
                || (m.SentTo != null && emails.Contains(m.SentTo.ToLower())))
            .ToListAsync(cancellationToken);
        foreach (var mail in hers)
        {
            if (mail.IsQueued)
            {
                Db.OutgoingMails.Remove(mail);
            }
            else
            {
                mail.ForgetRecipient(mail.Address ?? mail.SentTo);
            }
        }

        foreach (var invitation in await Db.Invitations.Where(i => i.PersonId == personId && i.AnswerToken != null).ToListAsync(cancellationToken))
        {
            invitation.ForgetAnswerToken();
        }

        if (names.Count == 0)
        {
            return;
        }

        var pseudonym = MailPayloadJson.Encoded(ErasedPerson.Name);
        foreach (var name in names)
        {
            var encoded = MailPayloadJson.Encoded(name);
            var naming = await Db.OutgoingMails
                .Where(m => (m.Subject != null && m.Subject.Contains(name)) || (m.Payload != null && m.Payload.Contains(encoded)))
                .ToListAsync(cancellationToken);
            foreach (var mail in naming.Where(m => Db.Entry(m).State != EntityState.Deleted))
            {
                mail.ForgetName(name, encoded, pseudonym);
            }
        }
    }
}
