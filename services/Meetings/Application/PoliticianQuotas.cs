using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Meetings.Application;

public sealed record PoliticianStanding(Guid PersonId, string Name, Guid RegionId, string RegionName, QuotaStanding Standing);

/// <summary>
/// The politicians' quota of a programme: computed from the announced meetings, the invitations'
/// answers and the attendance; a politician whose status turns to at risk or unreachable is
/// announced once per change (<see cref="PoliticianQuotaStatusChanged"/>).
/// </summary>
/// <remarks>
/// Reads go through tracked entities where the caller has just changed them (an answer, a
/// meeting's status), so call this before saving, in the same unit of work.
/// </remarks>
public sealed class PoliticianQuotas(MeetingsDb db, TimeProvider time)
{
    public async Task<IReadOnlyList<PoliticianStanding>> StandingsAsync(ProgrammeCalendar programme, IReadOnlyCollection<Guid>? onlyPeople, CancellationToken cancellationToken)
    {
        var politicians = await db.TeamMemberships
            .Where(m => m.ProgrammeId == programme.Id && m.Role == TeamRole.Politician)
            .ToListAsync(cancellationToken);
        var departed = await db.Participations
            .Where(p => p.ProgrammeId == programme.Id && !p.Active)
            .Select(p => p.RegionId)
            .ToListAsync(cancellationToken);
        politicians = politicians
            .Where(m => m.Active && m.Role == TeamRole.Politician && !departed.Contains(m.RegionId))
            .Where(m => onlyPeople is null || onlyPeople.Contains(m.PersonId))
            .ToList();
        if (politicians.Count == 0)
        {
            return [];
        }

        var personIds = politicians.Select(p => p.PersonId).ToList();
        var regionIds = politicians.Select(p => p.RegionId).Distinct().ToList();
        var meetings = (await db.Meetings.Where(m => m.ProgrammeId == programme.Id).ToListAsync(cancellationToken))
            .Where(m => m.IsAnnounced)
            .ToList();
        var invitations = await db.Invitations
            .Where(i => i.ProgrammeId == programme.Id && personIds.Contains(i.PersonId))
            .ToListAsync(cancellationToken);
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var regions = await db.Regions.Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var now = time.GetUtcNow();

        return politicians.Select(politician =>
        {
            var standing = PoliticianQuota.Calculate(
                meetings.Select(meeting =>
                {
                    var invitation = invitations.FirstOrDefault(i => i.MeetingId == meeting.Id && i.PersonId == politician.PersonId && i.IsActive);
                    return new QuotaMeeting(invitation is not null, meeting.HasStarted(now), invitation?.Answer ?? InvitationAnswer.Pending, invitation?.Attendance);
                }).ToList(),
                programme.PlannedMeetings,
                programme.PoliticianShare);
            return new PoliticianStanding(
                politician.PersonId,
                people.GetValueOrDefault(politician.PersonId)?.Name ?? "",
                politician.RegionId,
                regions.GetValueOrDefault(politician.RegionId)?.Name ?? "",
                standing);
        })
        .OrderBy(s => s.RegionName, StringComparer.Ordinal)
        .ThenBy(s => s.Name, StringComparer.Ordinal)
        .ToList();
    }

    /// <summary>Recomputes the politicians named (all of the programme when null) and announces those that turned at risk or unreachable.</summary>
    public async Task RefreshAsync(Guid programmeId, IReadOnlyCollection<Guid>? onlyPeople, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.FindAsync([programmeId], cancellationToken);
        if (programme is null)
        {
            return;
        }

        var standings = await StandingsAsync(programme, onlyPeople, cancellationToken);
        var personIds = standings.Select(s => s.PersonId).ToList();
        var states = await db.QuotaStates
            .Where(q => q.ProgrammeId == programmeId && personIds.Contains(q.PersonId))
            .ToDictionaryAsync(q => q.PersonId, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var standing in standings)
        {
            if (!states.TryGetValue(standing.PersonId, out var state))
            {
                state = PoliticianQuotaState.Initial(programmeId, standing.PersonId, standing.RegionId, now);
                db.QuotaStates.Add(state);
            }

            if (state.Update(standing.Standing.Status, standing.RegionId, now))
            {
                var s = standing.Standing;
                db.AddEvent(new PoliticianQuotaStatusChanged(
                    programmeId,
                    standing.RegionId,
                    standing.RegionName,
                    standing.PersonId,
                    standing.Name,
                    s.Status,
                    s.Accepted,
                    s.Attended,
                    s.Required,
                    s.StillPossible,
                    now));
            }
        }
    }
}
