using KollegialtUtbyte.Feedback.Domain.Assignment;
using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.Feedback.Application.Rounds;

/// <summary>
/// Feeds the solver from the database (reviewer pools from the local copy of the programmes'
/// regions, current loads from open rounds, earlier pairings from every round so far) and applies
/// its answer to the rounds of the batch, with a <see cref="ReviewersAssigned"/> per round.
/// The caller saves.
/// </summary>
internal static class ReviewerAssignments
{
    public static async Task<ReviewerAssignmentResult> AssignAsync(
        FeedbackDb db, IReadOnlyList<FeedbackRound> batch, int? maxReviewsPerRegion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var programmeIds = batch.Select(r => r.ProgrammeId).Distinct().ToList();
        var pools = (await db.ProgrammeRegions
                .Where(p => programmeIds.Contains(p.ProgrammeId) && p.Active)
                .Select(p => new { p.ProgrammeId, p.RegionId })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.ProgrammeId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<Guid>)g.Select(p => p.RegionId).ToHashSet());

        var batchIds = batch.Select(r => r.Id).ToHashSet();
        var earlier = (await db.Rounds.AsNoTracking().ToListAsync(cancellationToken)).Where(r => !batchIds.Contains(r.Id)).ToList();
        var currentLoads = earlier
            .Where(r => !r.IsClosed)
            .SelectMany(r => r.Reviewers)
            .GroupBy(r => r.RegionId)
            .ToDictionary(g => g.Key, g => g.Count());
        var pairings = earlier
            .SelectMany(r => r.Reviewers.Select(x => new RegionPair(r.AuthorRegionId, x.RegionId)))
            .GroupBy(p => p)
            .ToDictionary(g => g.Key, g => g.Count());

        var documentIds = batch.Select(r => r.DocumentId).Distinct().ToList();
        var titles = await db.Documents.Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);

        var problem = new ReviewerAssignmentProblem
        {
            Rounds = [.. batch.OrderBy(r => r.OpenedAt).ThenBy(r => r.Id).Select(round =>
            {
                var pool = pools.GetValueOrDefault(round.ProgrammeId) ?? new HashSet<Guid>();
                return new RoundToAssign(
                    round.Id,
                    $"{titles.GetValueOrDefault(round.DocumentId, "")} version {round.VersionNumber}",
                    round.AuthorRegionId,
                    round.ReviewerCount,
                    [.. pool.Where(region => ReviewerEligibility.IsEligible(round.AuthorRegionId, region, pool))]);
            })],
            CurrentLoads = currentLoads,
            EarlierPairings = pairings,
            MaxReviewsPerRegion = maxReviewsPerRegion,
        };

        var result = ReviewerAssignmentSolver.Solve(problem);
        foreach (var round in batch)
        {
            round.AssignReviewers(result.ReviewersByRound[round.Id], now);
            db.AddEvent(new ReviewersAssigned(
                round.Id, round.DocumentId, round.AuthorRegionId, titles.GetValueOrDefault(round.DocumentId, ""), round.Deadline, round.ReviewerRegionIds, now));
        }

        return result;
    }
}
