using System.ComponentModel.DataAnnotations;
using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>Scheduling meetings: administrators schedule, reschedule and cancel; everyone signed in sees what is published.</summary>
public static class MeetingEndpoints
{
    public static void MapMeetings(this IEndpointRouteBuilder api)
    {
        api.MapGet(MeetingsRoutes.ProgrammeMeetings, ListAsync).WithTags("Meetings").ProducesProblems(404);
        api.MapPost(MeetingsRoutes.ProgrammeMeetings, ScheduleAsync).WithTags("Meetings").RequireAuthorization(Policies.Administrator)
            .ProducesProblems(400, 404, 422);

        api.MapGet(MeetingsRoutes.Meeting, GetAsync).WithTags("Meetings").ProducesProblems(404);
        api.MapPut(MeetingsRoutes.Meeting, RescheduleAsync).WithTags("Meetings").RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);
        api.MapPost(MeetingsRoutes.CancelMeeting, CancelAsync).WithTags("Meetings").RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);
        api.MapPost(MeetingsRoutes.MeetingHeld, MarkHeldAsync).WithTags("Meetings").RequireAuthorization(Policies.Facilitator).ProducesProblems(400, 403, 404, 409, 422);
    }

    internal static async Task<MeetingResponse> ResponseAsync(MeetingsDb db, Meeting meeting, ProgrammeCalendar programme, CancellationToken ct)
    {
        var ids = meeting.FacilitatorIds;
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var facilitators = await db.Facilitators.AsNoTracking().Where(f => ids.Contains(f.PersonId)).ToDictionaryAsync(f => f.PersonId, ct);
        return Response(meeting, programme, people, facilitators);
    }

    private static MeetingResponse Response(Meeting m, ProgrammeCalendar programme, IReadOnlyDictionary<Guid, Person> people, IReadOnlyDictionary<Guid, Facilitator> facilitators)
    {
        var zone = programme.Zone;
        return new MeetingResponse(
            m.Id,
            m.ProgrammeId,
            m.Number,
            m.Title,
            m.Theme,
            m.StartsAt.InZone(zone),
            m.EndsAt.InZone(zone),
            programme.TimeZone,
            m.Venue,
            m.OnlineLink,
            m.Status,
            m.Sequence,
            m.CancellationReason,
            m.Facilitators.Select(f => new FacilitatorResponse(
                f.PersonId,
                people.GetValueOrDefault(f.PersonId)?.Name,
                facilitators.GetValueOrDefault(f.PersonId)?.OrganisationName)).ToList(),
            m.Agenda.OrderBy(a => a.Position).Select(a => new AgendaItemResponse(
                a.Id, a.Kind, a.Title, a.Responsible, a.StartsAt(m).InZone(zone), a.DurationMinutes, a.Questions)).ToList(),
            m.Version);
    }

    private static async Task<Ok<List<MeetingResponse>>> ListAsync(Guid programmeId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        var meetings = (await db.Meetings.AsNoTracking().Where(m => m.ProgrammeId == programmeId).ToListAsync(ct))
            .Where(user.MaySee)
            .OrderBy(m => m.StartsAt)
            .ToList();
        var ids = meetings.SelectMany(m => m.FacilitatorIds).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var facilitators = await db.Facilitators.AsNoTracking().Where(f => ids.Contains(f.PersonId)).ToDictionaryAsync(f => f.PersonId, ct);
        return TypedResults.Ok(meetings.Select(m => Response(m, programme, people, facilitators)).ToList());
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> GetAsync(Guid meetingId, ClaimsPrincipal user, MeetingsDb db, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MaySee(meeting))
        {
            // A draft does not exist for those who may not see it.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Meeting '{meetingId}' was not found.");
        }

        http.Response.SetVersionTag(meeting.Version);
        return TypedResults.Ok(await ResponseAsync(db, meeting, await db.ProgrammeAsync(meeting.ProgrammeId, ct), ct));
    }

    private static async Task<Created<MeetingResponse>> ScheduleAsync(
        Guid programmeId, ScheduleMeetingRequest request, MeetingsDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        var plan = PlanOf(request.Number, request.Title, request.Theme, request.StartsAt!.Value, request.EndsAt!.Value, request.Venue, request.OnlineLink, request.FacilitatorIds);
        var context = await SchedulingContextAsync(db, programmeId, plan, time.GetUtcNow(), ct);
        var meeting = Meeting.Schedule(Guid.NewGuid(), programme, plan, context);
        db.Meetings.Add(meeting);
        db.AddEvent(new MeetingScheduled(EventData.Details(meeting, programme), meeting.FacilitatorIds, context.Now));
        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(meeting.Version);
        return TypedResults.Created(MeetingsRoutes.PathOf(MeetingsRoutes.Meeting, meeting.Id), await ResponseAsync(db, meeting, programme, ct));
    }

    private static async Task<Ok<MeetingResponse>> RescheduleAsync(
        Guid meetingId, RescheduleMeetingRequest request, MeetingsDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        db.ExpectVersion(meeting, request.Version);
        var programme = await db.ProgrammeAsync(meeting.ProgrammeId, ct);
        var plan = PlanOf(request.Number, request.Title, request.Theme, request.StartsAt!.Value, request.EndsAt!.Value, request.Venue, request.OnlineLink, request.FacilitatorIds);
        var context = await SchedulingContextAsync(db, meeting.ProgrammeId, plan, time.GetUtcNow(), ct);
        var startBefore = meeting.StartsAt;
        var ledBefore = meeting.FacilitatorIds;
        if (meeting.Reschedule(programme, plan, context))
        {
            db.InsertAddedFacilitators(meeting, ledBefore);
            if (meeting.StartsAt != startBefore)
            {
                var invitations = await db.Invitations.Where(i => i.MeetingId == meeting.Id).ToListAsync(ct);
                invitations.ForEach(i => i.FollowMeetingStart(meeting));
            }

            db.AddEvent(new MeetingRescheduled(EventData.Details(meeting, programme), meeting.FacilitatorIds, context.Now));
            await db.SaveChangesAsync(ct);
        }

        http.Response.SetVersionTag(meeting.Version);
        return TypedResults.Ok(await ResponseAsync(db, meeting, programme, ct));
    }

    private static async Task<Ok<MeetingResponse>> CancelAsync(
        Guid meetingId, CancelMeetingRequest request, MeetingsDb db, PoliticianQuotas quotas, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        db.ExpectVersion(meeting, request.Version);
        var programme = await db.ProgrammeAsync(meeting.ProgrammeId, ct);
        var now = time.GetUtcNow();
        var wasAnnounced = meeting.IsAnnounced;
        meeting.Cancel(request.Reason, now);
        db.AddEvent(new MeetingCancelled(EventData.Details(meeting, programme), meeting.CancellationReason, now));
        if (wasAnnounced)
        {
            await quotas.RefreshAsync(programme.Id, null, ct);
        }

        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(meeting.Version);
        return TypedResults.Ok(await ResponseAsync(db, meeting, programme, ct));
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> MarkHeldAsync(
        Guid meetingId, MeetingVersionRequest request, ClaimsPrincipal user, MeetingsDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MayLead(meeting))
        {
            return MeetingAccess.OnlyLeaders("kan markera den som genomförd");
        }

        db.ExpectVersion(meeting, request.Version);
        var now = time.GetUtcNow();
        meeting.MarkHeld(now);
        db.AddEvent(new MeetingHeld(meeting.Id, meeting.ProgrammeId, now));
        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(meeting.Version);
        return TypedResults.Ok(await ResponseAsync(db, meeting, await db.ProgrammeAsync(meeting.ProgrammeId, ct), ct));
    }

    private static MeetingPlan PlanOf(int? number, string? title, string theme, DateTimeOffset startsAt, DateTimeOffset endsAt, string? venue, string? onlineLink, List<Guid>? facilitatorIds) =>
        new(number, title, theme, startsAt, endsAt, venue, onlineLink, facilitatorIds ?? []);

    private static async Task<SchedulingContext> SchedulingContextAsync(MeetingsDb db, Guid programmeId, MeetingPlan plan, DateTimeOffset now, CancellationToken ct)
    {
        var programmeMeetings = await db.Meetings.Where(m => m.ProgrammeId == programmeId).ToListAsync(ct);
        var facilitatorIds = plan.FacilitatorIds.ToList();
        var bookings = await db.Meetings
            .Where(m => m.Facilitators.Any(f => facilitatorIds.Contains(f.PersonId)) && m.StartsAt < plan.EndsAt && m.EndsAt > plan.StartsAt)
            .ToListAsync(ct);
        var known = await db.Facilitators.Where(f => f.Active && facilitatorIds.Contains(f.PersonId)).Select(f => f.PersonId).ToListAsync(ct);
        return new SchedulingContext(now, programmeMeetings, bookings, known.ToHashSet());
    }
}
