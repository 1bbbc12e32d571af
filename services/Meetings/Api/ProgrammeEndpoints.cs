using System.ComponentModel.DataAnnotations;
using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>The programme calendar: its settings, and publishing its plan of meetings.</summary>
public static class ProgrammeEndpoints
{
    public static void MapProgrammes(this IEndpointRouteBuilder api)
    {
        const string Tag = "Programme calendar";
        api.MapGet(MeetingsRoutes.Programmes, ListAsync).WithTags(Tag);
        api.MapGet(MeetingsRoutes.Programme, GetAsync).WithTags(Tag).ProducesProblems(404);
        api.MapPut(MeetingsRoutes.Programme, ChangeCalendarAsync).WithTags(Tag).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);
        api.MapPost(MeetingsRoutes.PublishPlan, PublishPlanAsync).WithTags(Tag).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);
    }

    /// <summary>The calendar as the API answers it (the required attendance worked out from the share).</summary>
    public static ProgrammeCalendarResponse ResponseOf(ProgrammeCalendar p) => new(
        p.Id, p.Name, p.StartsOn, p.EndsOn, p.TimeZone, p.Themes, p.PlannedMeetings, p.PoliticianShare,
        PoliticianQuota.Required(p.PlannedMeetings, p.PoliticianShare), p.ExpectedKeyOfficials, p.PlanPublishedAt, p.Version,
        p.Format, p.Question, p.LeaderPersonId, p.ConvenerPersonId, p.SecretaryPersonId);

    private static async Task<Ok<List<ProgrammeCalendarResponse>>> ListAsync(MeetingsDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Programmes.AsNoTracking().ToListAsync(ct))
            .OrderBy(p => p.StartsOn)
            .Select(ResponseOf)
            .ToList());

    private static async Task<Ok<ProgrammeCalendarResponse>> GetAsync(Guid programmeId, MeetingsDb db, HttpContext http, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        http.Response.SetVersionTag(programme.Version);
        return TypedResults.Ok(ResponseOf(programme));
    }

    private static async Task<Ok<ProgrammeCalendarResponse>> ChangeCalendarAsync(
        Guid programmeId, ChangeCalendarRequest request, MeetingsDb db, HttpContext http, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        db.ExpectVersion(programme, request.Version);
        var meetings = await db.Meetings.Where(m => m.ProgrammeId == programmeId).ToListAsync(ct);
        var counting = meetings.Where(m => !m.IsCancelled).ToList();
        programme.ChangeSettings(
            new CalendarSettings(request.TimeZone, request.Themes, request.PlannedMeetings, request.PoliticianShare),
            counting.Count,
            counting.Select(m => m.Theme).Distinct().ToList());
        await db.SaveChangesAsync(ct);
        http.Response.SetVersionTag(programme.Version);
        return TypedResults.Ok(ResponseOf(programme));
    }

    /// <summary>Publishes every draft meeting of the programme and invites the teams to them.</summary>
    private static async Task<Ok<PublishPlanResponse>> PublishPlanAsync(
        Guid programmeId, PublishPlanRequest request, MeetingsDb db, InvitationWorkflow invitations, PoliticianQuotas quotas,
        TimeProvider time, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        db.ExpectVersion(programme, request.Version);
        var meetings = await db.Meetings.Where(m => m.ProgrammeId == programmeId).ToListAsync(ct);
        SchedulingRules.CheckPlanPublishable(programme, meetings);

        var now = time.GetUtcNow();
        var drafts = meetings.Where(m => m.Status == MeetingStatus.Draft).OrderBy(m => m.StartsAt).ToList();
        foreach (var meeting in drafts)
        {
            meeting.Publish(now);
        }

        programme.MarkPlanPublished(now);
        db.AddEvent(new MeetingPlanPublished(programmeId, drafts.Select(m => m.Id).ToList(), now));
        await invitations.InviteTeamsAsync(programme, drafts, ct);
        await quotas.RefreshAsync(programmeId, null, ct);
        var issued = db.ChangeTracker.Entries<Invitation>().Count(e => e.State is EntityState.Added or EntityState.Modified);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PublishPlanResponse(programmeId, drafts.Select(m => m.Id).ToList(), issued, programme.Version));
    }
}
