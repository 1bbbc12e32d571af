using KollegialtUtbyte.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.Feedback.Api;

internal static class EffectsEndpoints
{
    public static RouteGroupBuilder MapEffectsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(FeedbackRoutes.Effects, ReportAsync).WithTags("Effects")
            .ProducesProblems(403);
        return api;
    }

    private static async Task<Ok<FeedbackEffectsResponse>> ReportAsync(Guid programmeId, HttpContext http, FeedbackDb db, CancellationToken ct)
    {
        if (!http.User.IsInRole(Roles.Administrator) && !http.User.IsInRole(Roles.Facilitator))
        {
            throw new AccessDeniedException("Effektrapporten är administratörernas och processledarnas.");
        }

        var regions = await db.ProgrammeRegions.AsNoTracking().Where(p => p.ProgrammeId == programmeId && p.Active).ToListAsync(ct);
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.ProgrammeId == programmeId).Select(r => new { r.Id, r.AuthorRegionId }).ToListAsync(ct);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var authors = rounds.ToDictionary(r => r.Id, r => r.AuthorRegionId);
        var submitted = (await db.Feedback.AsNoTracking().Where(f => roundIds.Contains(f.RoundId)).ToListAsync(ct)).Where(f => f.IsSubmitted).ToList();
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.ProgrammeId == programmeId).ToListAsync(ct);

        var lines = regions
            .OrderBy(r => r.RegionName, StringComparer.Ordinal)
            .Select(region =>
            {
                var received = submitted.Where(f => authors[f.RoundId] == region.RegionId).ToList();
                var suggestions = received.SelectMany(f => f.Suggestions).ToList();
                var own = priorities.Where(p => p.RegionId == region.RegionId).ToList();
                return new RegionExchange(
                    region.RegionId,
                    region.RegionName,
                    rounds.Count(r => r.AuthorRegionId == region.RegionId),
                    submitted.Count(f => f.ReviewerRegionId == region.RegionId),
                    received.Count,
                    suggestions.Count,
                    suggestions.Count(s => s.Decision == SuggestionDecision.Adopted),
                    suggestions.Count(s => s.Decision == SuggestionDecision.PartlyAdopted),
                    suggestions.Count(s => s.Decision == SuggestionDecision.NotAdopted),
                    own.Count,
                    own.Sum(p => p.Results.Count));
            })
            .ToList();
        return TypedResults.Ok(new FeedbackEffectsResponse(programmeId, lines, await PriorityEndpoints.ViewsAsync(db, priorities, ct)));
    }
}
