using System.ComponentModel.DataAnnotations;
using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>Attendance, recorded after the meeting by its facilitators, and each region's representation.</summary>
public static class AttendanceEndpoints
{
    public static void MapAttendance(this IEndpointRouteBuilder api)
    {
        api.MapPut(MeetingsRoutes.Attendance, RecordAsync).WithTags("Attendance").RequireAuthorization(Policies.Facilitator)
            .ProducesProblems(400, 403, 404, 409, 422);
        api.MapGet(MeetingsRoutes.Representation, RepresentationAsync).WithTags("Attendance").ProducesProblems(404);
    }

    private static async Task<Results<Ok<AttendanceResponse>, ProblemHttpResult>> RecordAsync(
        Guid meetingId, RecordAttendanceRequest request, ClaimsPrincipal user, MeetingsDb db, PoliticianQuotas quotas,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MayLead(meeting))
        {
            return MeetingAccess.OnlyLeaders("registrerar närvaro");
        }

        db.ExpectVersion(meeting, request.Version);
        var now = time.GetUtcNow();
        var recorder = user.PersonId() ?? Guid.Empty;
        var invitations = await db.Invitations.Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        var entries = request.Entries.GroupBy(e => e.PersonId!.Value).Select(g => g.Last()).ToList();
        var notInvited = entries.Where(e => !invitations.Any(i => i.PersonId == e.PersonId && i.IsActive)).Select(e => e.PersonId).ToList();
        if (notInvited.Count > 0)
        {
            throw new RuleViolationException("attendance.not-invited", $"Närvaro registreras för inbjudna; dessa är inte inbjudna: {string.Join(", ", notInvited)}.");
        }

        if (meeting.RecordAttendanceTaken(now))
        {
            db.AddEvent(new MeetingHeld(meeting.Id, meeting.ProgrammeId, now));
        }

        var politicians = new List<Guid>();
        foreach (var entry in entries)
        {
            var invitation = invitations.First(i => i.PersonId == entry.PersonId && i.IsActive);
            if (invitation.RecordAttendance(entry.Status!.Value, recorder, now))
            {
                db.AddEvent(new AttendanceRecorded(meeting.Id, meeting.ProgrammeId, invitation.PersonId, invitation.RegionId, entry.Status.Value, now));
                if (invitation.Role == TeamRole.Politician)
                {
                    politicians.Add(invitation.PersonId);
                }
            }
        }

        if (politicians.Count > 0)
        {
            await quotas.RefreshAsync(meeting.ProgrammeId, politicians, ct);
        }

        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(meeting.Version);
        var personIds = invitations.Select(i => i.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var organisations = await InviteeOrganisations.OfAsync(db, meeting.ProgrammeId, personIds, ct);
        return TypedResults.Ok(new AttendanceResponse(
            meeting.Id,
            meeting.Status,
            invitations.Where(i => i.IsActive).Select(i => new InvitationResponse(
                i.Id, i.MeetingId, i.PersonId, people.GetValueOrDefault(i.PersonId)?.Name, i.RegionId,
                i.RegionId is { } r ? regions.GetValueOrDefault(r)?.Name : null, i.Role, i.Answer, i.Comment, i.AnsweredAt,
                i.Attendance, !i.IsActive, i.Version, organisations.GetValueOrDefault(i.PersonId))).ToList(),
            meeting.Version));
    }

    private static async Task<Ok<RepresentationResponse>> RepresentationAsync(Guid meetingId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MaySee(meeting))
        {
            throw new ResourceNotFoundException("Meeting", meetingId);
        }

        var programme = await db.ProgrammeAsync(meeting.ProgrammeId, ct);
        var invitees = await db.Invitations.AsNoTracking()
            .Where(i => i.MeetingId == meetingId && i.WithdrawnAt == null)
            .Select(i => new Invitee(i.PersonId, i.RegionId, i.Role, i.Answer, i.Attendance))
            .ToListAsync(ct);
        var participating = await db.Participations.AsNoTracking()
            .Where(p => p.ProgrammeId == meeting.ProgrammeId && p.Active)
            .Select(p => p.RegionId)
            .ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var attendanceTaken = meeting.AttendanceRecordedAt is not null;
        var rows = Representation.Of(invitees, participating, programme.ExpectedKeyOfficials, attendanceTaken)
            .Where(r => user.MayFollowRegion(r.RegionId))
            .Select(r => new RegionRepresentationResponse(
                r.RegionId,
                regions.GetValueOrDefault(r.RegionId)?.Name ?? "",
                r.ProjectLeaders,
                r.KeyOfficials,
                r.ExpectedKeyOfficials,
                r.Politicians,
                r.ProjectLeaderThere,
                r.KeyOfficialsThere,
                r.PoliticianThere))
            .OrderBy(r => r.RegionName, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new RepresentationResponse(meetingId, attendanceTaken, rows));
    }
}
