using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Meetings.Data;
using KollegialtUtbyte.ServiceDefaults.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Meetings.Consumers;

/// <summary>
/// The meetings' part of an export: the person's copy from the directory, her invitations with
/// answers and attendance, the meetings she facilitates, her quota as a politician, her calendar
/// feeds (not their secret addresses) and the actions she owns, with the notes she wrote on any.
/// </summary>
public sealed class ExportPersonalData(MeetingsDb db, TimeProvider time) : PersonalDataExportConsumer<MeetingsDb>(db, time)
{
    protected override string Service => MeetingsModule.Name;

    protected override async Task<object> CollectAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await Db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        var invitations = await Db.Invitations.AsNoTracking().Where(i => i.PersonId == personId).ToListAsync(cancellationToken);
        var facilitated = await Db.Meetings.AsNoTracking().Where(m => m.Facilitators.Any(f => f.PersonId == personId)).Select(m => m.Id).ToListAsync(cancellationToken);
        var meetingIds = invitations.Select(i => i.MeetingId).Concat(facilitated).Distinct().ToList();
        var meetings = await Db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Title, m.Theme, m.StartsAt, m.Venue })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var quota = await Db.QuotaStates.AsNoTracking().Where(q => q.PersonId == personId).ToListAsync(cancellationToken);
        var feeds = await Db.CalendarFeeds.AsNoTracking().Where(f => f.PersonId == personId).ToListAsync(cancellationToken);
        var actions = await Db.Actions.AsNoTracking()
            .Where(a => (a.OwnerKind == DecisionActionOwnerKind.Person && a.OwnerId == personId) || a.Notes.Any(n => n.ByPersonId == personId))
            .ToListAsync(cancellationToken);
        return new
        {
            person = person is null ? null : new { person.Id, person.Name, person.Email, person.Title, person.OrganisationName, person.RegionId, person.PreferredLanguage, person.Gender },
            invitations = invitations.OrderBy(i => i.IssuedAt).Select(i => new
            {
                Meeting = meetings.GetValueOrDefault(i.MeetingId),
                i.Role,
                i.Answer,
                i.Comment,
                i.AnsweredAt,
                i.IssuedAt,
                i.WithdrawnAt,
                i.Attendance,
                i.AttendanceRecordedAt,
            }),
            facilitates = facilitated.Select(id => meetings.GetValueOrDefault(id)),
            politicianQuota = quota.Select(q => new { q.ProgrammeId, q.RegionId, q.Status, q.ChangedAt }),
            calendarFeeds = feeds.Select(f => new { f.CreatedAt, f.RevokedAt }),
            actions = actions.Select(a => new
            {
                a.PointNumber,
                a.Theme,
                a.What,
                OwnedByYou = a.OwnerKind == DecisionActionOwnerKind.Person && a.OwnerId == personId,
                a.DueOn,
                a.Status,
                a.DroppedReason,
                NotesByYou = a.Notes.Where(n => n.ByPersonId == personId).Select(n => new { n.Status, n.Text, n.At }),
            }),
        };
    }
}
