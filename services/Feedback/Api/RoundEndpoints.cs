using KollegialtUtbyte.Feedback.Application.Rounds;
using KollegialtUtbyte.ServiceDefaults.Http;
using KollegialtUtbyte.ServiceDefaults.OpenApi;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>
/// Feedback rounds: the author region opens one on a version (reviewers are assigned at once, or
/// later in a batch by an administrator), reads it, and may close it early; administrators see
/// all rounds, assign waiting rounds in one optimal batch and may override the reviewers.
/// </summary>
internal static class RoundEndpoints
{
    public static RouteGroupBuilder MapRoundEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost(FeedbackRoutes.OpenRound, OpenAsync)
            .ProducesProblems(400, 403, 404, 422);
        api.MapGet(FeedbackRoutes.Rounds, ListAsync)
            .ProducesProblems(403);
        api.MapGet(FeedbackRoutes.Round, GetAsync)
            .ProducesProblems(404);
        api.MapPost(FeedbackRoutes.CloseRound, CloseAsync)
            .ProducesProblems(400, 403, 404, 409, 422);
        api.MapPut(FeedbackRoutes.RoundReviewers, OverrideReviewersAsync)
            .ProducesProblems(400, 403, 404, 409, 422);
        api.MapPost(FeedbackRoutes.Assignments, AssignBatchAsync)
            .ProducesProblems(400, 403, 422);
        return api;
    }

    private static async Task<Created<RoundView>> OpenAsync(
        Guid documentId,
        int number,
        OpenRoundRequest request,
        HttpContext http,
        FeedbackDb db,
        TimeProvider time,
        IOptions<FeedbackOptions> options,
        RoundDeadlineSignal deadlines,
        CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var document = (await db.DocumentToChangeAsync(documentId, caller, "begära återkoppling på dokumentet", cancellationToken)).Document;

        var version = await db.DocumentVersions.SingleOrDefaultAsync(v => v.DocumentId == documentId && v.Number == number, cancellationToken)
            ?? throw new ResourceNotFoundException("Document version", $"{documentId}/{number}");
        var programmeId = await ProgrammeOfAsync(db, document.RegionId, request.ProgrammeId, cancellationToken);
        if (await db.Rounds.AnyAsync(r => r.VersionId == version.Id && r.Status != RoundStatus.Closed, cancellationToken))
        {
            throw new RuleViolationException("round.already-open", $"Version {number} har redan en pågående återkopplingsomgång.");
        }

        var lenses = (await db.Lenses.Select(l => l.Code).ToListAsync(cancellationToken)).ToHashSet();
        var now = time.GetUtcNow();
        var round = FeedbackRound.Open(document, version, programmeId, request.Deadline, request.LensCodes, lenses, request.ReviewerCount, caller.PersonId, now);
        db.Rounds.Add(round);
        db.AddEvent(new FeedbackRoundOpened(
            round.Id, document.Id, version.Id, document.RegionId, document.Title, round.Deadline, round.LensCodes, round.ReviewerCount, now));

        // Infeasible input fails here with a 422 that says why, before anything is saved.
        if (request.AssignReviewers)
        {
            await ReviewerAssignments.AssignAsync(db, [round], options.Value.Assignment.MaxReviewsPerRegion, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        deadlines.Notify();

        http.Response.SetVersionTag(round.Version);
        return TypedResults.Created(FeedbackRoutes.PathOf(FeedbackRoutes.Round, round.Id), await db.RoundViewAsync(round, caller, cancellationToken));
    }

    /// <summary>The rounds the caller may see, optionally only those of one programme (<paramref name="programmeId"/>).</summary>
    private static async Task<Ok<IReadOnlyList<RoundView>>> ListAsync(string? role, Guid? programmeId, HttpContext http, FeedbackDb db, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var visible = programmeId is { } programme ? db.Rounds.Where(r => r.ProgrammeId == programme) : db.Rounds;
        List<FeedbackRound> rounds;
        if (caller.IsAdministrator)
        {
            rounds = await visible.OrderBy(r => r.Deadline).ToListAsync(cancellationToken);
        }
        else if (caller.BelongsTo.Count > 0)
        {
            var asAuthor = role is null or "author";
            var asReviewer = role is null or "reviewer";
            var regions = caller.BelongsTo.ToList();
            rounds = await visible
                .Where(r => (asAuthor && regions.Contains(r.AuthorRegionId)) || (asReviewer && r.Reviewers.Any(x => regions.Contains(x.RegionId))))
                .OrderBy(r => r.Deadline)
                .ToListAsync(cancellationToken);
        }
        else
        {
            throw new AccessDeniedException("Du hör inte till något regionalt team.");
        }

        return TypedResults.Ok(await db.RoundViewsAsync(rounds, caller, cancellationToken));
    }

    private static async Task<Ok<RoundView>> GetAsync(Guid roundId, HttpContext http, FeedbackDb db, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var access = await db.RoundForAsync(roundId, caller, cancellationToken);
        http.Response.SetVersionTag(access.Round.Version);
        return TypedResults.Ok(await db.RoundViewAsync(access.Round, caller, cancellationToken));
    }

    private static async Task<Ok<RoundView>> CloseAsync(Guid roundId, CloseRoundRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var round = (await db.RoundForAsync(roundId, caller, cancellationToken)).Round;
        FeedbackRoundCloseReason reason;
        if (caller.IsAdministrator)
        {
            reason = FeedbackRoundCloseReason.ClosedByAdministrator;
        }
        else
        {
            caller.EnsureActsFor(round.AuthorRegionId, "stänga omgången i förtid");
            reason = FeedbackRoundCloseReason.ClosedByAuthor;
        }

        db.ExpectVersion(round, request.Version);
        await RoundClosing.CloseAsync(db, round, reason, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(round.Version);
        return TypedResults.Ok(await db.RoundViewAsync(round, caller, cancellationToken));
    }

    private static async Task<Ok<RoundView>> OverrideReviewersAsync(
        Guid roundId, OverrideReviewersRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var round = (await db.RoundForAsync(roundId, caller, cancellationToken)).Round;
        caller.EnsureAdministrator("ändra vilka regioner som granskar");

        var pool = (await db.ProgrammeRegions
            .Where(p => p.ProgrammeId == round.ProgrammeId && p.Active)
            .Select(p => p.RegionId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var submitted = (await db.Feedback
            .Where(f => f.RoundId == round.Id && f.Status == FeedbackStatus.Submitted)
            .Select(f => f.ReviewerRegionId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var title = (await db.Documents.FindAsync([round.DocumentId], cancellationToken))?.Title ?? "";

        db.ExpectVersion(round, request.Version);
        var hadReviewers = round.Reviewers.Count > 0;
        var now = time.GetUtcNow();
        var (added, removed) = round.OverrideReviewers(request.RegionIds, pool, submitted, now);
        db.AddEvent<object>(hadReviewers
            ? new ReviewersReassigned(round.Id, round.DocumentId, round.AuthorRegionId, title, round.Deadline, round.ReviewerRegionIds, added, removed, caller.PersonId, now)
            : new ReviewersAssigned(round.Id, round.DocumentId, round.AuthorRegionId, title, round.Deadline, round.ReviewerRegionIds, now));
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(round.Version);
        return TypedResults.Ok(await db.RoundViewAsync(round, caller, cancellationToken));
    }

    private static async Task<Ok<BatchAssignmentView>> AssignBatchAsync(
        AssignBatchRequest request, HttpContext http, FeedbackDb db, TimeProvider time, IOptions<FeedbackOptions> options, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        caller.EnsureAdministrator("fördela granskare");

        var waiting = await db.Rounds.Where(r => r.Status == RoundStatus.AwaitingReviewers).ToListAsync(cancellationToken);
        if (request.RoundIds is { Count: > 0 } wanted)
        {
            var notWaiting = wanted.Where(id => !waiting.Any(r => r.Id == id)).ToList();
            if (notWaiting.Count > 0)
            {
                throw new RuleViolationException("assignment.round-not-waiting",
                    $"Omgångarna {string.Join(", ", notWaiting)} väntar inte på granskare (finns inte, har redan granskare eller är stängda).");
            }

            waiting = [.. waiting.Where(r => wanted.Contains(r.Id))];
        }

        var result = await ReviewerAssignments.AssignAsync(db, waiting, options.Value.Assignment.MaxReviewsPerRegion, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new BatchAssignmentView(await db.RoundViewsAsync(waiting, caller, cancellationToken), result.LoadsAfter));
    }

    /// <summary>The programme whose regions review: the one asked for, or the only one the author region takes part in.</summary>
    private static async Task<Guid> ProgrammeOfAsync(FeedbackDb db, Guid authorRegionId, Guid? requested, CancellationToken cancellationToken)
    {
        var programmes = await db.ProgrammeRegions
            .Where(p => p.RegionId == authorRegionId && p.Active)
            .Select(p => p.ProgrammeId)
            .ToListAsync(cancellationToken);
        if (requested is { } programmeId)
        {
            return programmes.Contains(programmeId)
                ? programmeId
                : throw new RuleViolationException("round.author-not-in-programme", "Regionen deltar inte i det angivna programmet.");
        }

        return programmes.Count switch
        {
            1 => programmes[0],
            0 => throw new RuleViolationException("round.no-programme",
                "Regionen deltar inte i något program, så det finns inga andra regioner att få återkoppling från."),
            _ => throw new RuleViolationException("round.programme-required",
                "Regionen deltar i flera program: ange programmeId för det program vars regioner ska granska."),
        };
    }
}
