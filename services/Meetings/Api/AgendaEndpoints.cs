using System.ComponentModel.DataAnnotations;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>The agenda (seed 000: talks, then a workshop with its questions), edited by the meeting's facilitators.</summary>
public static class AgendaEndpoints
{
    public static void MapAgenda(this IEndpointRouteBuilder api)
    {
        api.MapPut(MeetingsRoutes.Agenda, ChangeAsync).WithTags("Agenda").RequireAuthorization(Policies.Facilitator)
            .ProducesProblems(400, 403, 404, 409, 422);
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> ChangeAsync(
        Guid meetingId, ChangeAgendaRequest request, ClaimsPrincipal user, MeetingsDb db, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MayLead(meeting))
        {
            return MeetingAccess.OnlyLeaders("kan ändra dagordningen");
        }

        db.ExpectVersion(meeting, request.Version);
        meeting.ReplaceAgenda(request.Items
            .Select(i => new AgendaItemDraft(i.Kind!.Value, i.Title, i.Responsible, i.StartsAt!.Value, i.DurationMinutes, i.Questions))
            .OrderBy(i => i.StartsAt)
            .ToList());
        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(meeting.Version);
        return TypedResults.Ok(await MeetingEndpoints.ResponseAsync(db, meeting, await db.ProgrammeAsync(meeting.ProgrammeId, ct), ct));
    }
}
