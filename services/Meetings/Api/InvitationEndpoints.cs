using System.ComponentModel.DataAnnotations;
using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>Invitations: who is invited to a meeting, and the invitee's own answers.</summary>
public static class InvitationEndpoints
{
    public static void MapInvitations(this IEndpointRouteBuilder api)
    {
        api.MapGet(MeetingsRoutes.MeetingInvitations, ListForMeetingAsync).WithTags("Invitations").RequireAuthorization(Policies.Facilitator).ProducesProblems(403, 404);
        api.MapGet(MeetingsRoutes.TeamAnswers, TeamAnswersAsync).WithTags("Invitations").RequireAuthorization(Policies.TeamMember).ProducesProblems(404);
        api.MapGet(MeetingsRoutes.MyInvitations, MineAsync).WithTags("Invitations").ProducesProblems(403);
        api.MapPut(MeetingsRoutes.AnswerInvitation, AnswerAsync).WithTags("Invitations").ProducesProblems(400, 403, 404, 409, 422);
    }

    internal static AnswerResponse AnswerOf(Invitation i) => new(i.Id, i.MeetingId, i.Answer, i.Comment, i.AnsweredAt, i.Version);

    /// <summary>Records an answer and everything that follows from it, in the caller's unit of work.</summary>
    internal static async Task AfterAnswerAsync(MeetingsDb db, PoliticianQuotas quotas, Invitation invitation, DateTimeOffset now, CancellationToken ct)
    {
        db.AddEvent(new InvitationAnswered(invitation.Id, invitation.MeetingId, invitation.ProgrammeId, invitation.PersonId, invitation.Answer, invitation.Comment, now));
        if (invitation.Role == TeamRole.Politician)
        {
            await quotas.RefreshAsync(invitation.ProgrammeId, [invitation.PersonId], ct);
        }
    }

    private static async Task<Results<Ok<List<InvitationResponse>>, ProblemHttpResult>> ListForMeetingAsync(Guid meetingId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MayLead(meeting))
        {
            return MeetingAccess.OnlyLeaders("ser inbjudningarna");
        }

        var invitations = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        var personIds = invitations.Select(i => i.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var organisations = await InviteeOrganisations.OfAsync(db, meeting.ProgrammeId, personIds, ct);
        return TypedResults.Ok(invitations
            .Select(i => new InvitationResponse(
                i.Id,
                i.MeetingId,
                i.PersonId,
                people.GetValueOrDefault(i.PersonId)?.Name,
                i.RegionId,
                i.RegionId is { } r ? regions.GetValueOrDefault(r)?.Name : null,
                i.Role,
                i.Answer,
                i.Comment,
                i.AnsweredAt,
                i.Attendance,
                !i.IsActive,
                i.Version,
                organisations.GetValueOrDefault(i.PersonId)))
            .OrderBy(i => i.RegionName, StringComparer.Ordinal)
            .ThenBy(i => i.Role)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>Who of the caller's own teams is invited to a published meeting and how each has answered.</summary>
    private static async Task<Ok<List<TeamAnswerResponse>>> TeamAnswersAsync(Guid meetingId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MaySee(meeting))
        {
            throw new ResourceNotFoundException("Meeting", meetingId);
        }

        var regionIds = user.RegionIds().ToList();
        var invitations = (await db.Invitations.AsNoTracking()
                .Where(i => i.MeetingId == meetingId && i.RegionId != null && regionIds.Contains(i.RegionId.Value))
                .ToListAsync(ct))
            .Where(i => i.IsActive)
            .ToList();
        var personIds = invitations.Select(i => i.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var regions = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return TypedResults.Ok(invitations
            .Select(i => new TeamAnswerResponse(
                i.PersonId,
                people.GetValueOrDefault(i.PersonId)?.Name,
                i.RegionId!.Value,
                regions.GetValueOrDefault(i.RegionId.Value)?.Name,
                i.Role,
                i.Answer,
                i.AnsweredAt))
            .OrderBy(i => i.RegionName, StringComparer.Ordinal)
            .ThenBy(i => i.Role)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList());
    }

    private static async Task<Results<Ok<List<MyInvitationResponse>>, ProblemHttpResult>> MineAsync(ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        if (user.PersonId() is not { } personId)
        {
            return Problems.Forbidden("Token saknar person.");
        }

        var invitations = await db.Invitations.AsNoTracking().Where(i => i.PersonId == personId && i.WithdrawnAt == null).ToListAsync(ct);
        var meetingIds = invitations.Select(i => i.MeetingId).ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var programmeIds = meetings.Values.Select(m => m.ProgrammeId).Distinct().ToList();
        var zones = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Zone, ct);
        return TypedResults.Ok(invitations
            .Select(i => (Invitation: i, Meeting: meetings[i.MeetingId]))
            .OrderBy(x => x.Meeting.StartsAt)
            .Select(x =>
            {
                var zone = zones[x.Meeting.ProgrammeId];
                return new MyInvitationResponse(
                    x.Invitation.Id,
                    x.Meeting.Id,
                    x.Meeting.Number,
                    x.Meeting.Title,
                    x.Meeting.Theme,
                    x.Meeting.StartsAt.InZone(zone),
                    x.Meeting.EndsAt.InZone(zone),
                    x.Meeting.Venue,
                    x.Meeting.OnlineLink,
                    x.Meeting.Status,
                    x.Invitation.Answer,
                    x.Invitation.Comment,
                    x.Invitation.Attendance,
                    x.Invitation.Version);
            })
            .ToList());
    }

    private static async Task<Results<Ok<AnswerResponse>, ProblemHttpResult>> AnswerAsync(
        Guid invitationId, AnswerInvitationRequest request, ClaimsPrincipal user, MeetingsDb db, PoliticianQuotas quotas,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var invitation = await db.Invitations.FindAsync([invitationId], ct) ?? throw new ResourceNotFoundException("Invitation", invitationId);
        if (user.PersonId() != invitation.PersonId)
        {
            return Problems.Forbidden("Du kan bara svara på dina egna inbjudningar.");
        }

        db.ExpectVersion(invitation, request.Version);
        var meeting = await db.MeetingAsync(invitation.MeetingId, ct);
        var now = time.GetUtcNow();
        invitation.AnswerAs(request.Answer!.Value, request.Comment, meeting, now);
        await AfterAnswerAsync(db, quotas, invitation, now, ct);
        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(invitation.Version);
        return TypedResults.Ok(AnswerOf(invitation));
    }
}
