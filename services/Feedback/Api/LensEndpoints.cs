using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>The lens catalogue rounds choose from.</summary>
internal static class LensEndpoints
{
    public static RouteGroupBuilder MapLensEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(FeedbackRoutes.Lenses, ListAsync);
        return api;
    }

    private static async Task<Ok<List<LensView>>> ListAsync(FeedbackDb db, CancellationToken cancellationToken)
    {
        var lenses = await db.Lenses.OrderBy(l => l.SortOrder).ThenBy(l => l.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(lenses.Select(l => new LensView(l.Code, l.Group, l.Name, l.Description)).ToList());
    }
}
