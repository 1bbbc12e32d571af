using KollegialtUtbyte.ServiceDefaults.Http;
using KollegialtUtbyte.ServiceDefaults.OpenApi;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>
/// Feedback in a round, addressed by the reviewing region: its team writes a draft and submits
/// it; the author region reads submitted feedback once the round has closed and answers each
/// suggestion; administrators read everything.
/// </summary>
internal static class FeedbackEndpoints
{
    public static RouteGroupBuilder MapFeedbackEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(FeedbackRoutes.RoundFeedback, ListAsync)
            .ProducesProblems(403, 404);
        api.MapGet(FeedbackRoutes.ReviewerFeedback, GetAsync)
            .ProducesProblems(403, 404);
        api.MapPut(FeedbackRoutes.ReviewerFeedback, SaveDraftAsync)
            .ProducesProblems(400, 403, 404, 409, 422);
        api.MapPost(FeedbackRoutes.SubmitFeedback, SubmitAsync)
            .ProducesProblems(400, 403, 404, 409, 422);
        api.MapPut(FeedbackRoutes.FeedbackResponses, RespondAsync)
            .ProducesProblems(400, 403, 404, 409, 422);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<FeedbackView>>> ListAsync(Guid roundId, HttpContext http, FeedbackDb db, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var access = await db.RoundForAsync(roundId, caller, cancellationToken);
        var round = access.Round;

        var query = db.Feedback.Where(f => f.RoundId == roundId);
        switch (Visibility.FeedbackScopeOf(access))
        {
            case FeedbackScope.OwnRegions:
                var ownRegions = caller.BelongsTo.ToList();
                query = query.Where(f => ownRegions.Contains(f.ReviewerRegionId));
                break;
            case FeedbackScope.Submitted:
                query = query.Where(f => f.Status == FeedbackStatus.Submitted);
                break;
            case FeedbackScope.NotYetReleased:
                throw NotYetReleased(round);
        }

        return TypedResults.Ok(await db.FeedbackViewsAsync(round, await query.OrderBy(f => f.SubmittedAt).ToListAsync(cancellationToken), cancellationToken));
    }

    private static async Task<Ok<FeedbackView>> GetAsync(Guid roundId, Guid regionId, HttpContext http, FeedbackDb db, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var access = await db.RoundForAsync(roundId, caller, cancellationToken);
        var scope = Visibility.FeedbackScopeOf(access);
        if (scope == FeedbackScope.NotYetReleased)
        {
            throw NotYetReleased(access.Round);
        }

        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.RoundId == roundId && f.ReviewerRegionId == regionId, cancellationToken);
        if (feedback is null || !Visibility.MayRead(scope, caller.Reader, feedback))
        {
            throw new ResourceNotFoundException("Feedback", $"{roundId}/{regionId}");
        }

        http.Response.SetVersionTag(feedback.Version);
        return TypedResults.Ok(await db.FeedbackViewAsync(access.Round, feedback, cancellationToken));
    }

    private static async Task<Results<Created<FeedbackView>, Ok<FeedbackView>>> SaveDraftAsync(
        Guid roundId, Guid regionId, SaveFeedbackRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var round = await WritableRoundAsync(db, roundId, regionId, caller, cancellationToken);
        var now = time.GetUtcNow();

        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.RoundId == roundId && f.ReviewerRegionId == regionId, cancellationToken);
        var created = feedback is null;
        if (feedback is null)
        {
            if (request.Version != 0)
            {
                throw new DbUpdateConcurrencyException("The feedback does not exist yet; start it with version 0.");
            }

            feedback = PeerFeedback.Start(round, regionId, caller.PersonId, now);
            db.Feedback.Add(feedback);
        }
        else
        {
            db.ExpectVersion(feedback, request.Version);
        }

        var lenses = request.Lenses.Select(l => new LensFeedbackInput(l.LensCode, l.Strengths, l.Suggestions ?? [])).ToList();
        feedback.SaveDraft(round, request.Summary, lenses, caller.PersonId, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (created && exception is not DbUpdateConcurrencyException)
        {
            // Another member of the team started the region's feedback at the same moment.
            throw new DbUpdateConcurrencyException("The feedback was started by someone else; reload it.", exception);
        }

        http.Response.SetVersionTag(feedback.Version);
        var view = await db.FeedbackViewAsync(round, feedback, cancellationToken);
        return created ? TypedResults.Created(FeedbackRoutes.PathOf(FeedbackRoutes.ReviewerFeedback, roundId, regionId), view) : TypedResults.Ok(view);
    }

    private static async Task<Ok<FeedbackView>> SubmitAsync(
        Guid roundId, Guid regionId, SubmitFeedbackRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var round = await WritableRoundAsync(db, roundId, regionId, caller, cancellationToken);
        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.RoundId == roundId && f.ReviewerRegionId == regionId, cancellationToken)
            ?? throw new ResourceNotFoundException("Feedback", $"{roundId}/{regionId}");

        db.ExpectVersion(feedback, request.Version);
        var now = time.GetUtcNow();
        feedback.Submit(round, caller.PersonId, now);
        db.AddEvent(new FeedbackSubmitted(feedback.Id, round.Id, round.DocumentId, round.AuthorRegionId, regionId, feedback.Late, now));
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(feedback.Version);
        return TypedResults.Ok(await db.FeedbackViewAsync(round, feedback, cancellationToken));
    }

    private static async Task<Ok<FeedbackView>> RespondAsync(
        Guid roundId, Guid regionId, RespondRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var access = await db.RoundForAsync(roundId, caller, cancellationToken);
        var round = access.Round;
        caller.EnsureActsFor(round.AuthorRegionId, "svara på återkopplingen");
        EnsureReleased(round);

        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.RoundId == roundId && f.ReviewerRegionId == regionId && f.Status == FeedbackStatus.Submitted, cancellationToken)
            ?? throw new ResourceNotFoundException("Feedback", $"{roundId}/{regionId}");

        db.ExpectVersion(feedback, request.Version);
        var now = time.GetUtcNow();
        feedback.Respond(round, [.. request.Responses.Select(r => new SuggestionResponseInput(r.SuggestionNumber, r.Decision, r.Note))], caller.PersonId, now);
        db.AddEvent(new FeedbackResponseGiven(round.Id, feedback.Id, round.DocumentId, round.AuthorRegionId, regionId, now));
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(feedback.Version);
        return TypedResults.Ok(await db.FeedbackViewAsync(round, feedback, cancellationToken));
    }

    /// <summary>The round, if the caller writes for <paramref name="regionId"/> and that region is assigned to it.</summary>
    private static async Task<FeedbackRound> WritableRoundAsync(FeedbackDb db, Guid roundId, Guid regionId, Caller caller, CancellationToken cancellationToken)
    {
        var access = await db.RoundForAsync(roundId, caller, cancellationToken);
        if (!access.Round.IsReviewer(regionId))
        {
            throw new ResourceNotFoundException("Feedback", $"{roundId}/{regionId}");
        }

        caller.EnsureActsFor(regionId, "skriva regionens återkoppling");
        return access.Round;
    }

    private static void EnsureReleased(FeedbackRound round)
    {
        if (!round.IsClosed)
        {
            throw NotYetReleased(round);
        }
    }

    private static AccessDeniedException NotYetReleased(FeedbackRound round) => new(
        $"Återkopplingen släpps till er när omgången stängs (senast {round.Deadline:yyyy-MM-dd HH:mm} UTC).");
}
