using KollegialtUtbyte.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>
/// A document's learning log across its versions (the learning cycle of Gröna tråden: learn from
/// what we do, do it again and do it right): per version, every released suggestion with the
/// author region's answer, and the lessons the team wrote down.
/// </summary>
internal static class LearningLogEndpoints
{
    public static RouteGroupBuilder MapLearningLogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(FeedbackRoutes.LearningLog, GetAsync)
            .ProducesProblems(403, 404);
        api.MapPost(FeedbackRoutes.LearningLog, AddNoteAsync)
            .ProducesProblems(400, 403, 404, 422);
        return api;
    }

    private static async Task<Ok<LearningLogView>> GetAsync(Guid documentId, HttpContext http, FeedbackDb db, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var document = await OwnDocumentAsync(db, documentId, caller, cancellationToken);

        var versions = await db.DocumentVersions.Where(v => v.DocumentId == documentId).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var closedRounds = await db.Rounds.Where(r => r.DocumentId == documentId && r.Status == RoundStatus.Closed).ToListAsync(cancellationToken);
        var roundIds = closedRounds.Select(r => r.Id).ToList();
        var feedback = await db.Feedback.Where(f => roundIds.Contains(f.RoundId) && f.Status == FeedbackStatus.Submitted).ToListAsync(cancellationToken);
        var names = await db.RegionNamesAsync(feedback.Select(f => f.ReviewerRegionId), cancellationToken);
        var notes = (await db.LearningNotes.Where(n => n.DocumentId == documentId).ToListAsync(cancellationToken))
            .OrderBy(n => n.CreatedAt)
            .Select(n => new LearningNoteView(n.Id, n.VersionNumber, n.Text, n.CreatedAt, n.CreatedByPersonId))
            .ToList();

        var log = versions.Select(version => new LearningLogVersion(
            version.Number,
            version.UploadedAt,
            [.. closedRounds
                .Where(r => r.VersionId == version.Id)
                .OrderBy(r => r.OpenedAt)
                .SelectMany(r => feedback.Where(f => f.RoundId == r.Id).OrderBy(f => names.NameOf(f.ReviewerRegionId)))
                .SelectMany(f => f.Suggestions.OrderBy(s => s.Number).Select(s => new LearningLogSuggestion(
                    f.RoundId, f.ReviewerRegionId, names.NameOf(f.ReviewerRegionId), s.Number, s.LensCode, s.Text, s.Decision, s.ResponseNote, s.RespondedAt)))],
            [.. notes.Where(n => n.VersionNumber == version.Number)]));

        return TypedResults.Ok(new LearningLogView(document.Id, document.Title, [.. log], [.. notes.Where(n => n.VersionNumber is null)]));
    }

    private static async Task<Created<LearningNoteView>> AddNoteAsync(
        Guid documentId, AddLearningNoteRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var document = await OwnDocumentAsync(db, documentId, caller, cancellationToken);
        caller.EnsureActsFor(document.RegionId, "skriva i dokumentets lärlogg");
        if (request.VersionNumber is { } number && number > document.LatestVersionNumber)
        {
            throw new RuleViolationException("learning-log.unknown-version", $"Dokumentet har ingen version {number}.");
        }

        var now = time.GetUtcNow();
        var note = new LearningNote
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = documentId,
            VersionNumber = request.VersionNumber,
            Text = request.Text.Trim(),
            CreatedAt = now,
            CreatedByPersonId = caller.PersonId,
        };
        db.LearningNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created(FeedbackRoutes.PathOf(FeedbackRoutes.LearningLog, documentId),
            new LearningNoteView(note.Id, note.VersionNumber, note.Text, note.CreatedAt, note.CreatedByPersonId));
    }

    /// <summary>The log belongs to the author region (and administrators); reviewers never see it.</summary>
    private static async Task<StrategyDocument> OwnDocumentAsync(FeedbackDb db, Guid documentId, Caller caller, CancellationToken cancellationToken)
    {
        var access = await db.DocumentForAsync(documentId, caller, cancellationToken);
        return access.IsOwnerOrAdministrator
            ? access.Document
            : throw new AccessDeniedException("Lärloggen är den egna regionens.");
    }
}
