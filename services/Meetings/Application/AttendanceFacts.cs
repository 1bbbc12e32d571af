namespace KollegialtUtbyte.Meetings.Application;

/// <summary>What the attendance statistics count: the invitations of the meetings, and erased invitees' attendances as they were counted.</summary>
public static class AttendanceFacts
{
    public static async Task<List<AttendanceFact>> LoadAsync(MeetingsDb db, IReadOnlyCollection<Guid> meetingIds, IReadOnlyDictionary<Guid, string> regionNames, CancellationToken ct)
    {
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => meetingIds.Contains(i.MeetingId) && i.WithdrawnAt == null && !i.CountedAnonymously)
            .ToListAsync(ct);
        var personIds = invitations.Select(i => i.PersonId).Distinct().ToList();
        var genders = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Gender, ct);
        var withoutRegion = invitations.Where(i => i.RegionId is null).ToList();
        var organisations = new Dictionary<(Guid, Guid), string>();
        foreach (var programme in withoutRegion.GroupBy(i => i.ProgrammeId))
        {
            var named = await InviteeOrganisations.OfAsync(db, programme.Key, programme.Select(i => i.PersonId).Distinct().ToList(), ct);
            foreach (var (personId, organisation) in named)
            {
                organisations[(programme.Key, personId)] = organisation;
            }
        }

        var anonymous = await db.AnonymousAttendances.AsNoTracking().Where(a => meetingIds.Contains(a.MeetingId)).ToListAsync(ct);
        return
        [
            .. invitations.Select(i => new AttendanceFact(
                i.MeetingId, i.PersonId, RegionName(i.RegionId), i.Role, genders.GetValueOrDefault(i.PersonId), i.Attendance, OrganisationOf(i))),
            .. anonymous.Select(a => new AttendanceFact(a.MeetingId, a.Subject, RegionName(a.RegionId), a.Role, a.Gender, a.Attendance)),
        ];

        // Without a region, a participant counts for their organisation ("Okänd organisation" if none is known).
        string? OrganisationOf(Invitation i) =>
            i.RegionId is not null ? null : organisations.GetValueOrDefault((i.ProgrammeId, i.PersonId)) ?? "Okänd organisation";

        string RegionName(Guid? regionId) =>
            regionId is { } r && regionNames.GetValueOrDefault(r) is { Length: > 0 } name ? name : "Okänd region";
    }
}
