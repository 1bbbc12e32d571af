using KollegialtUtbyte.ServiceDefaults.Http;
using KollegialtUtbyte.ServiceDefaults.OpenApi;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>A region's strategy documents: its team creates and edits them; administrators see all.</summary>
internal static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(FeedbackRoutes.Documents, ListAsync)
            .ProducesProblems(403);
        api.MapPost(FeedbackRoutes.Documents, CreateAsync)
            .ProducesProblems(400, 403, 422);
        api.MapGet(FeedbackRoutes.Document, GetAsync)
            .ProducesProblems(404);
        api.MapPut(FeedbackRoutes.Document, UpdateAsync)
            .ProducesProblems(400, 403, 404, 409, 422);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<DocumentView>>> ListAsync(Guid? regionId, HttpContext http, FeedbackDb db, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        // Administrators see every region's (or the one asked for); others their own regions' (or the one asked for).
        if (!caller.IsAdministrator && (caller.BelongsTo.Count == 0 || (regionId is { } asked && !caller.ReadsFor(asked))))
        {
            throw new AccessDeniedException("Du ser bara dina egna regioners dokument.");
        }

        var query = db.Documents.AsQueryable();
        if (regionId is { } only)
        {
            query = query.Where(d => d.RegionId == only);
        }
        else if (!caller.IsAdministrator)
        {
            var own = caller.BelongsTo.ToList();
            query = query.Where(d => own.Contains(d.RegionId));
        }

        var documents = await query.OrderBy(d => d.Title).ToListAsync(cancellationToken);
        return TypedResults.Ok(await db.DocumentViewsAsync([.. documents.Select(d => DocumentAccess.Owned(d))], cancellationToken));
    }

    private static async Task<Results<Created<DocumentView>, ValidationProblem>> CreateAsync(CreateDocumentRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        if (caller.WorksFor.Count == 0 || (request.RegionId is { } named && !caller.ActsFor(named)))
        {
            throw new AccessDeniedException("Bara en regions projektledare och tjänstepersoner i teamet kan lägga upp strategidokument.");
        }

        // Someone in several regions' teams says which region the document is for.
        if ((request.RegionId ?? (caller.WorksFor.Count == 1 ? caller.WorksFor.Single() : null)) is not { } region)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["regionId"] = ["Du är med i flera regioners team: ange vilken region dokumentet hör till."],
            });
        }

        var document = StrategyDocument.Create(region, request.Title, request.Kind, request.Description, caller.PersonId, time.GetUtcNow());
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);

        var view = await db.DocumentViewAsync(DocumentAccess.Owned(document), cancellationToken);
        http.Response.SetVersionTag(document.Version);
        return TypedResults.Created(FeedbackRoutes.PathOf(FeedbackRoutes.Document, document.Id), view);
    }

    private static async Task<Ok<DocumentView>> GetAsync(Guid documentId, HttpContext http, FeedbackDb db, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var access = await db.DocumentForAsync(documentId, caller, cancellationToken);
        http.Response.SetVersionTag(access.Document.Version);
        return TypedResults.Ok(await db.DocumentViewAsync(access, cancellationToken));
    }

    private static async Task<Ok<DocumentView>> UpdateAsync(Guid documentId, UpdateDocumentRequest request, HttpContext http, FeedbackDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var access = await db.DocumentToChangeAsync(documentId, caller, "ändra dokumentet", cancellationToken);

        db.ExpectVersion(access.Document, request.Version);
        access.Document.Edit(request.Title, request.Kind, request.Description, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(access.Document.Version);
        return TypedResults.Ok(await db.DocumentViewAsync(access, cancellationToken));
    }
}
