using KollegialtUtbyte.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>
/// The regions' priorities for a programme and their results over time (seed 003's report is
/// organised this way), with the feedback each region received linked to the priority it served.
/// They live here because what they link to (strategy document versions, feedback rounds, the
/// author region's answers) is this service's own.
/// </summary>
internal static class PriorityEndpoints
{
    public static RouteGroupBuilder MapPriorityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(FeedbackRoutes.RegionPriorities, OfRegionAsync).WithTags("Priorities")
            .ProducesProblems(403);
        api.MapPost(FeedbackRoutes.RegionPriorities, RecordAsync).WithTags("Priorities")
            .ProducesProblems(400, 403, 422);
        api.MapGet(FeedbackRoutes.ProgrammePriorities, OfProgrammeAsync).WithTags("Priorities")
            .ProducesProblems(403);

        api.MapGet(FeedbackRoutes.Priority, GetAsync).WithTags("Priorities")
            .ProducesProblems(403, 404);
        api.MapPost(FeedbackRoutes.PriorityResults, AddResultAsync).WithTags("Priorities")
            .ProducesProblems(400, 403, 404, 422);
        api.MapPost(FeedbackRoutes.PriorityFeedback, LinkFeedbackAsync).WithTags("Priorities")
            .ProducesProblems(400, 403, 404, 422);
        return api;
    }

    private static async Task<Ok<List<PriorityView>>> OfRegionAsync(Guid programmeId, Guid regionId, HttpContext http, FeedbackDb db, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(http.User, db, ct);
        EnsureReads(http, caller, regionId);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.ProgrammeId == programmeId && p.RegionId == regionId).ToListAsync(ct);
        return TypedResults.Ok(await ViewsAsync(db, priorities, ct));
    }

    /// <summary>Every region's priorities, for administrators and facilitators following the programme.</summary>
    private static async Task<Ok<List<PriorityView>>> OfProgrammeAsync(Guid programmeId, HttpContext http, FeedbackDb db, CancellationToken ct)
    {
        if (!FollowsProgramme(http))
        {
            throw new AccessDeniedException("Programmets alla prioriteringar är administratörernas och processledarnas.");
        }

        var priorities = await db.Priorities.AsNoTracking().Where(p => p.ProgrammeId == programmeId).ToListAsync(ct);
        return TypedResults.Ok(await ViewsAsync(db, priorities, ct));
    }

    private static async Task<Created<PriorityView>> RecordAsync(
        Guid programmeId, Guid regionId, RecordPriorityRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken ct)
    {
        var caller = await Caller.ResolveAsync(http.User, db, ct);
        caller.EnsureActsFor(regionId, "ange regionens prioriteringar");
        if (!await db.ProgrammeRegions.AnyAsync(p => p.ProgrammeId == programmeId && p.RegionId == regionId && p.Active, ct))
        {
            throw new RuleViolationException("priorities.region-not-in-programme", "Regionen deltar inte i programmet.");
        }

        var taken = await db.Priorities.Where(p => p.ProgrammeId == programmeId && p.RegionId == regionId).Select(p => (int?)p.Number).MaxAsync(ct) ?? 0;
        var priority = RegionPriority.Record(programmeId, regionId, taken + 1, request.Title, request.Description, caller.PersonId, time.GetUtcNow());
        db.Priorities.Add(priority);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(FeedbackRoutes.PathOf(FeedbackRoutes.Priority, priority.Id), (await ViewsAsync(db, [priority], ct))[0]);
    }

    private static async Task<Ok<PriorityView>> GetAsync(Guid priorityId, HttpContext http, FeedbackDb db, CancellationToken ct)
    {
        var priority = await PriorityAsync(db, priorityId, ct);
        EnsureReads(http, await Caller.ResolveAsync(http.User, db, ct), priority.RegionId);
        return TypedResults.Ok((await ViewsAsync(db, [priority], ct))[0]);
    }

    private static async Task<Created<PriorityView>> AddResultAsync(
        Guid priorityId, AddPriorityResultRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken ct)
    {
        var priority = await PriorityAsync(db, priorityId, ct);
        var caller = await Caller.ResolveAsync(http.User, db, ct);
        caller.EnsureActsFor(priority.RegionId, "följa upp regionens prioriteringar");
        var document = request.DocumentId is { } documentId
            ? await db.Documents.FindAsync([documentId], ct) ?? throw new RuleViolationException("priorities.document-not-found", "Styrdokumentet finns inte.")
            : null;
        priority.AddResult(request.Text, request.AchievedOn!.Value, document, request.VersionNumber, request.MeetingId, caller.PersonId, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(FeedbackRoutes.PathOf(FeedbackRoutes.Priority, priority.Id), (await ViewsAsync(db, [priority], ct))[0]);
    }

    private static async Task<Created<PriorityView>> LinkFeedbackAsync(
        Guid priorityId, LinkPriorityFeedbackRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken ct)
    {
        var priority = await PriorityAsync(db, priorityId, ct);
        var caller = await Caller.ResolveAsync(http.User, db, ct);
        caller.EnsureActsFor(priority.RegionId, "länka återkoppling till regionens prioriteringar");
        var round = await db.Rounds.FindAsync([request.RoundId!.Value], ct)
            ?? throw new RuleViolationException("priorities.feedback-not-found", "Återkopplingsrundan finns inte.");
        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.RoundId == round.Id && f.ReviewerRegionId == request.ReviewerRegionId, ct)
            ?? throw new RuleViolationException("priorities.feedback-not-found", "Regionen har ingen återkoppling från den regionen i rundan.");
        priority.LinkFeedback(round, feedback, request.SuggestionNumber, caller.PersonId, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(FeedbackRoutes.PathOf(FeedbackRoutes.Priority, priority.Id), (await ViewsAsync(db, [priority], ct))[0]);
    }

    private static bool FollowsProgramme(HttpContext http) => http.User.IsInRole(Roles.Administrator) || http.User.IsInRole(Roles.Facilitator);

    /// <summary>The region's team (politicians included) reads its priorities, as do administrators and facilitators.</summary>
    private static void EnsureReads(HttpContext http, Caller caller, Guid regionId)
    {
        if (!caller.ReadsFor(regionId) && !FollowsProgramme(http))
        {
            throw new AccessDeniedException("Prioriteringarna är regionens egna.");
        }
    }

    private static async Task<RegionPriority> PriorityAsync(FeedbackDb db, Guid priorityId, CancellationToken ct) =>
        await db.Priorities.FirstOrDefaultAsync(p => p.Id == priorityId, ct) ?? throw new ResourceNotFoundException("Priority", priorityId);

    /// <summary>The priorities with their results and the linked feedback spelt out (document titles, region names, the suggestions and their answers).</summary>
    internal static async Task<List<PriorityView>> ViewsAsync(FeedbackDb db, IReadOnlyList<RegionPriority> priorities, CancellationToken ct)
    {
        var roundIds = priorities.SelectMany(p => p.FeedbackLinks).Select(l => l.RoundId).Distinct().ToList();
        var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var feedback = await db.Feedback.AsNoTracking().Where(f => roundIds.Contains(f.RoundId)).ToListAsync(ct);
        var documentIds = rounds.Values.Select(r => r.DocumentId)
            .Concat(priorities.SelectMany(p => p.Results).Select(r => r.DocumentId).OfType<Guid>())
            .Distinct()
            .ToList();
        var titles = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        var names = await db.RegionNamesAsync(priorities.Select(p => p.RegionId).Concat(feedback.Select(f => f.ReviewerRegionId)), ct);

        PriorityFeedbackView LinkView(PriorityFeedbackLink link)
        {
            var given = feedback.FirstOrDefault(f => f.RoundId == link.RoundId && f.ReviewerRegionId == link.ReviewerRegionId);
            var suggestion = link.SuggestionNumber is { } n ? given?.Suggestions.FirstOrDefault(s => s.Number == n) : null;
            var title = rounds.TryGetValue(link.RoundId, out var round) ? titles.GetValueOrDefault(round.DocumentId, "") : "";
            return new PriorityFeedbackView(
                link.RoundId, title, link.ReviewerRegionId, names.NameOf(link.ReviewerRegionId), link.SuggestionNumber, suggestion?.Text, suggestion?.Decision, suggestion?.ResponseNote);
        }

        return priorities
            .OrderBy(p => names.NameOf(p.RegionId), StringComparer.Ordinal).ThenBy(p => p.Number)
            .Select(p => new PriorityView(
                p.Id,
                p.ProgrammeId,
                p.RegionId,
                names.NameOf(p.RegionId),
                p.Number,
                p.Title,
                p.Description,
                [.. p.Results.OrderBy(r => r.AchievedOn).ThenBy(r => r.Position).Select(r => new PriorityResultView(
                    r.Id, r.Text, r.AchievedOn, r.DocumentId, r.DocumentId is { } d ? titles.GetValueOrDefault(d) : null, r.DocumentVersionNumber, r.MeetingId, r.RecordedAt))],
                [.. p.FeedbackLinks.OrderBy(l => l.Position).Select(LinkView)],
                p.Version))
            .ToList();
    }
}
