using System.ComponentModel.DataAnnotations;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>
/// Follow-up of the decisions in meeting documentation: facilitators give a decision its actions
/// while the documentation is a draft; after approval the owners report progress, the owners see
/// their open actions, and administrators and facilitators follow a programme's actions.
/// </summary>
public static class ActionEndpoints
{
    public static void MapActions(this IEndpointRouteBuilder api)
    {
        const string Tag = "Actions";
        api.MapPost(MeetingsRoutes.PointActions, CreateAsync).WithTags(Tag).RequireAuthorization(Policies.Facilitator).ProducesProblems(400, 403, 404, 422);
        api.MapGet(MeetingsRoutes.MeetingActions, OfMeetingAsync).WithTags(Tag).ProducesProblems(404);

        api.MapGet(MeetingsRoutes.MyActions, MineAsync).WithTags(Tag);
        api.MapGet(MeetingsRoutes.Action, GetAsync).WithTags(Tag).ProducesProblems(404);
        api.MapPut(MeetingsRoutes.Action, ChangeAsync).WithTags(Tag).RequireAuthorization(Policies.Facilitator).ProducesProblems(400, 403, 404, 409, 422);
        api.MapPost(MeetingsRoutes.ActionProgress, RecordProgressAsync).WithTags(Tag).ProducesProblems(400, 403, 404, 409, 422);

        api.MapGet(MeetingsRoutes.ProgrammeActions, OfProgrammeAsync).WithTags(Tag).RequireAuthorization(Policies.Facilitator).ProducesProblems(404);
    }

    private static ActionResponse Response(DecisionAction a, DateOnly today) => new(
        a.Id,
        a.ProgrammeId,
        a.MeetingId,
        a.Theme,
        a.DocumentationId,
        a.PointNumber,
        a.Decision,
        a.RegistryNumber,
        a.What,
        a.OwnerKind,
        a.OwnerId,
        a.OwnerName,
        a.RegionId,
        a.DueOn,
        a.Status,
        a.DroppedReason,
        a.IsApproved,
        a.IsApproved && a.IsOverdue(today),
        a.Notes.OrderBy(n => n.Position).Select(n => new ActionNoteResponse(n.Status, n.Text, n.ByName, n.At)).ToList(),
        a.Version);

    private static async Task<Results<Created<ActionResponse>, ProblemHttpResult>> CreateAsync(
        Guid meetingId, string pointNumber, CreateActionRequest request, ClaimsPrincipal user, MeetingsDb db, TimeProvider time, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MayLead(meeting))
        {
            return MeetingAccess.OnlyLeaders("bestämmer åtgärder");
        }

        var documentation = await db.LatestDocumentationAsync(meetingId, ct);
        var owner = await DecisionFollowUp.OwnerAsync(db, meeting.ProgrammeId, request.OwnerPersonId, request.OwnerRegionId, ct);
        var now = time.GetUtcNow();
        var action = DecisionAction.Create(documentation, meeting, pointNumber, request.What, owner, request.DueOn!.Value, now);
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        var programme = await db.ProgrammeAsync(meeting.ProgrammeId, ct);
        return TypedResults.Created(MeetingsRoutes.PathOf(MeetingsRoutes.Action, action.Id), Response(action, DecisionFollowUp.Today(programme, now)));
    }

    private static async Task<Results<Ok<ActionResponse>, ProblemHttpResult>> ChangeAsync(
        Guid actionId, ChangeActionRequest request, ClaimsPrincipal user, MeetingsDb db, TimeProvider time, CancellationToken ct)
    {
        var action = await ActionAsync(db, actionId, ct);
        var meeting = await db.MeetingAsync(action.MeetingId, ct);
        if (!user.MayLead(meeting))
        {
            return MeetingAccess.OnlyLeaders("ändrar åtgärder");
        }

        db.ExpectVersion(action, request.Version);
        var documentation = await db.Documentation.AsSplitQuery().FirstAsync(d => d.Id == action.DocumentationId, ct);
        var owner = await DecisionFollowUp.OwnerAsync(db, meeting.ProgrammeId, request.OwnerPersonId, request.OwnerRegionId, ct);
        var now = time.GetUtcNow();
        action.Redefine(documentation, request.What, owner, request.DueOn!.Value, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(action, await TodayAsync(db, action, now, ct)));
    }

    /// <summary>The owner (the person, or anyone in the owning region's team) or those who lead the meeting.</summary>
    private static async Task<Results<Ok<ActionResponse>, ProblemHttpResult>> RecordProgressAsync(
        Guid actionId, RecordProgressRequest request, ClaimsPrincipal user, MeetingsDb db, TimeProvider time, CancellationToken ct)
    {
        var action = await ActionAsync(db, actionId, ct);
        var meeting = await db.MeetingAsync(action.MeetingId, ct);
        var owns = action.IsOwnedBy(user.PersonId(), user.RegionIds());
        if (!owns && !user.MayLead(meeting))
        {
            if (!user.SeesDrafts() && !action.IsApproved)
            {
                throw new ResourceNotFoundException("Action", actionId);
            }

            return Problems.Forbidden("Bara den ansvariga (eller processledare som leder träffen) följer upp åtgärden.");
        }

        db.ExpectVersion(action, request.Version);
        var personId = user.PersonId();
        var name = user.DisplayName() ?? (personId is { } id ? (await db.People.FindAsync([id], ct))?.Name : null) ?? "";
        var now = time.GetUtcNow();
        action.RecordProgress(request.Status!.Value, request.Note, personId, name, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(action, await TodayAsync(db, action, now, ct)));
    }

    private static async Task<Ok<ActionResponse>> GetAsync(Guid actionId, ClaimsPrincipal user, MeetingsDb db, TimeProvider time, CancellationToken ct)
    {
        var action = await ActionAsync(db, actionId, ct);
        if (!MaySee(user, action))
        {
            throw new ResourceNotFoundException("Action", actionId);
        }

        return TypedResults.Ok(Response(action, await TodayAsync(db, action, time.GetUtcNow(), ct)));
    }

    /// <summary>The actions of a meeting's decisions: drafts' actions for those who write them, approved ones for whoever reads the documentation.</summary>
    private static async Task<Ok<List<ActionResponse>>> OfMeetingAsync(Guid meetingId, ClaimsPrincipal user, MeetingsDb db, TimeProvider time, CancellationToken ct)
    {
        var meeting = await db.MeetingAsync(meetingId, ct);
        if (!user.MaySee(meeting))
        {
            throw new ResourceNotFoundException("Meeting", meetingId);
        }

        var actions = await db.Actions.AsNoTracking().Include(a => a.Notes).Where(a => a.MeetingId == meetingId).ToListAsync(ct);
        var today = DecisionFollowUp.Today(await db.ProgrammeAsync(meeting.ProgrammeId, ct), time.GetUtcNow());
        return TypedResults.Ok(actions
            .Where(a => a.IsApproved || user.MayLead(meeting))
            .OrderBy(a => PointOrder(a.PointNumber)).ThenBy(a => a.DueOn).ThenBy(a => a.CreatedAt)
            .Select(a => Response(a, today))
            .ToList());
    }

    /// <summary>A programme's actions for administrators and facilitators, filtered by region, theme, owner, status and being overdue.</summary>
    private static async Task<Ok<List<ActionResponse>>> OfProgrammeAsync(
        Guid programmeId, Guid? regionId, string? theme, Guid? ownerId, ActionStatus? status, bool? overdue, MeetingsDb db, TimeProvider time, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(programmeId, ct);
        var query = db.Actions.AsNoTracking().Include(a => a.Notes).Where(a => a.ProgrammeId == programmeId);
        if (regionId is { } region)
        {
            query = query.Where(a => a.RegionId == region);
        }

        if (!string.IsNullOrWhiteSpace(theme))
        {
            query = query.Where(a => a.Theme == theme);
        }

        if (ownerId is { } owner)
        {
            query = query.Where(a => a.OwnerId == owner);
        }

        if (status is { } wanted)
        {
            query = query.Where(a => a.Status == wanted);
        }

        var today = DecisionFollowUp.Today(programme, time.GetUtcNow());
        if (overdue is { } late)
        {
            query = late
                ? query.Where(a => a.ApprovedAt != null && (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress) && a.DueOn < today)
                : query.Where(a => a.ApprovedAt == null || !(a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress) || a.DueOn >= today);
        }

        var actions = await query.ToListAsync(ct);
        return TypedResults.Ok(actions.OrderBy(a => a.DueOn).ThenBy(a => PointOrder(a.PointNumber)).ThenBy(a => a.CreatedAt).Select(a => Response(a, today)).ToList());
    }

    /// <summary>The caller's open actions of approved decisions: their own, and their regions' teams'.</summary>
    private static async Task<Ok<List<ActionResponse>>> MineAsync(ClaimsPrincipal user, MeetingsDb db, TimeProvider time, CancellationToken ct)
    {
        var personId = user.PersonId() ?? Guid.Empty;
        var regionIds = user.RegionIds().ToList();
        var actions = await db.Actions.AsNoTracking().Include(a => a.Notes)
            .Where(a => a.ApprovedAt != null && (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress))
            .Where(a => (a.OwnerKind == DecisionActionOwnerKind.Person && a.OwnerId == personId)
                || (a.OwnerKind == DecisionActionOwnerKind.Region && regionIds.Contains(a.OwnerId)))
            .ToListAsync(ct);
        var programmeIds = actions.Select(a => a.ProgrammeId).Distinct().ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(actions
            .OrderBy(a => a.DueOn).ThenBy(a => PointOrder(a.PointNumber)).ThenBy(a => a.CreatedAt)
            .Select(a => Response(a, DecisionFollowUp.Today(programmes[a.ProgrammeId], now)))
            .ToList());
    }

    private static bool MaySee(ClaimsPrincipal user, DecisionAction action) =>
        user.SeesDrafts() || (action.IsApproved && (action.IsOwnedBy(user.PersonId(), user.RegionIds()) || (action.RegionId is { } r && user.RegionIds().Contains(r))));

    private static async Task<DecisionAction> ActionAsync(MeetingsDb db, Guid actionId, CancellationToken ct) =>
        await db.Actions.Include(a => a.Notes).FirstOrDefaultAsync(a => a.Id == actionId, ct)
        ?? throw new ResourceNotFoundException("Action", actionId);

    private static async Task<DateOnly> TodayAsync(MeetingsDb db, DecisionAction action, DateTimeOffset now, CancellationToken ct) =>
        DecisionFollowUp.Today(await db.ProgrammeAsync(action.ProgrammeId, ct), now);

    /// <summary>"1.10" after "1.9": points are ordered by their numbers' parts.</summary>
    private static string PointOrder(string number) =>
        string.Join('.', number.Split('.').Select(part => part.PadLeft(4, '0')));
}
