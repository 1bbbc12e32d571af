using KollegialtUtbyte.Notifications.Data;
using KollegialtUtbyte.ServiceDefaults.PersonalData;
using Microsoft.EntityFrameworkCore;

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
