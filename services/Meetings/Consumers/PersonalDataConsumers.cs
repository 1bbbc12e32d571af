using KollegialtUtbyte.ServiceDefaults.PersonalData;

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

/// <summary>
/// The meetings' part of an erasure: her copy becomes "Borttagen person" with no e-mail, title or
/// gender, and stays a tombstone that later directory news cannot overwrite. Her invitations,
/// answers and attendance stay under the pseudonym; the attendances already counted move to
/// anonymous facts so the statistics do not change. Actions she owns and notes she wrote no longer
/// name her; drafts and agendas lose her name from their text; her calendar feeds and the answer
/// links of her invitations are revoked.
/// Approved documentation is a public record and keeps the names as approved.
/// </summary>
public sealed class ErasePersonalData(MeetingsDb db, TimeProvider time) : PersonalDataErasureConsumer<MeetingsDb>(db, time)
{
    protected override string Service => MeetingsModule.Name;

    protected override async Task EraseAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var person = await Db.PersonAsync(personId, cancellationToken);
        // The name as this service knew it, to find it in free text; none once she was erased.
        var name = ErasedNames.Names(person.Name) ? person.Name : "";

        // Her gender is read for the statistics before the copy forgets it.
        var counted = await Db.Invitations
            .Where(i => i.PersonId == personId && i.WithdrawnAt == null && !i.CountedAnonymously
                && Db.Meetings.Any(m => m.Id == i.MeetingId && m.AttendanceRecordedAt != null))
            .ToListAsync(cancellationToken);
        var subject = Guid.NewGuid();
        foreach (var invitation in counted)
        {
            if (invitation.CountAnonymously(subject, person.Gender) is { } fact)
            {
                Db.AnonymousAttendances.Add(fact);
            }
        }

        person.Erase(now);

        foreach (var invitation in await Db.Invitations.Where(i => i.PersonId == personId).ToListAsync(cancellationToken))
        {
            invitation.RevokeAnswerLink();
        }

        foreach (var feed in await Db.CalendarFeeds.Where(f => f.PersonId == personId && f.RevokedAt == null).ToListAsync(cancellationToken))
        {
            feed.Revoke(now);
        }

        var actions = await Db.Actions
            .Where(a => (a.OwnerKind == DecisionActionOwnerKind.Person && a.OwnerId == personId)
                || a.Notes.Any(n => n.ByPersonId == personId || (name.Length > 0 && (n.ByName.Contains(name) || (n.Text != null && n.Text.Contains(name)))))
                || (name.Length > 0 && (a.What.Contains(name) || (a.DroppedReason != null && a.DroppedReason.Contains(name)))))
            .ToListAsync(cancellationToken);
        foreach (var action in actions)
        {
            action.ForgetPerson(personId, name);
        }

        if (name.Length == 0)
        {
            return;
        }

        var meetings = await Db.Meetings
            .Where(m => m.Agenda.Any(a => a.Responsible != null && a.Responsible.Contains(name)))
            .ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            meeting.ForgetName(name);
        }

        // Drafts are few (one per meeting at most); approved documentation is left as it is.
        var drafts = await Db.Documentation.AsSplitQuery().Where(d => d.Status == DocumentationStatus.Draft).ToListAsync(cancellationToken);
        foreach (var draft in drafts)
        {
            draft.ForgetName(name, now);
        }
    }
}
