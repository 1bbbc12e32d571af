using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Feedback.Domain.Assignment;

/// <summary>A round of the batch that needs <paramref name="ReviewerCount"/> reviewing regions from <paramref name="CandidateRegionIds"/>.</summary>
public sealed record RoundToAssign(Guid RoundId, string Title, Guid AuthorRegionId, int ReviewerCount, IReadOnlyCollection<Guid> CandidateRegionIds);

/// <summary>Two regions regardless of order: who reviewed whom does not matter for rotation.</summary>
public readonly record struct RegionPair
{
    public RegionPair(Guid first, Guid second)
    {
        (Low, High) = first.CompareTo(second) <= 0 ? (first, second) : (second, first);
    }

    public Guid Low { get; }

    public Guid High { get; }
}

/// <summary>
/// What the solver needs: the rounds to staff, how many reviews each region already carries in
/// open rounds, and how often each pair of regions has already met as author and reviewer.
/// </summary>
public sealed record ReviewerAssignmentProblem
{
    public required IReadOnlyList<RoundToAssign> Rounds { get; init; }

    /// <summary>Reviews a region already has in rounds that are still open; missing means none.</summary>
    public IReadOnlyDictionary<Guid, int> CurrentLoads { get; init; } = new Dictionary<Guid, int>();

    /// <summary>Earlier rounds in which the two regions were author and reviewer (either way round).</summary>
    public IReadOnlyDictionary<RegionPair, int> EarlierPairings { get; init; } = new Dictionary<RegionPair, int>();

    /// <summary>At most this many reviews per region including its current load; null means no cap.</summary>
    public int? MaxReviewsPerRegion { get; init; }
}

/// <summary>
/// The solver's answer. <see cref="LoadSquares"/> (the sum over candidate regions of their
/// squared total load) measures balance; <see cref="RotationCost"/> counts earlier pairings repeated.
/// </summary>
public sealed record ReviewerAssignmentResult(
    IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> ReviewersByRound,
    IReadOnlyDictionary<Guid, int> LoadsAfter,
    long LoadSquares,
    long RotationCost);

/// <summary>
/// Assigns reviewing regions to a batch of rounds at once, optimally, as a minimum-cost flow in
/// the shape of OpenReview's matcher: source → round (capacity = reviewers asked for) → candidate
/// region (capacity 1, cost = earlier pairings of the two regions) → sink. A region's arc to the
/// sink has a convex cost (its total load squared, scaled), so the cheapest flow spreads the
/// reviews as evenly as the candidates allow; the scale makes any gain in balance outweigh every
/// possible saving in rotation, so rotation only decides between equally balanced answers.
/// Conflicts (the author's own region, regions outside the programme) are not arcs at all.
/// </summary>
public static class ReviewerAssignmentSolver
{
    public const string TooFewRegionsRule = "assignment.too-few-regions";
    public const string CapacityRule = "assignment.capacity-exceeded";

    public static ReviewerAssignmentResult Solve(ReviewerAssignmentProblem problem)
    {
        var rounds = problem.Rounds;
        var candidatesByRound = rounds
            .Select(r => r.CandidateRegionIds.Where(c => c != r.AuthorRegionId).Distinct().Order().ToArray())
            .ToArray();
        EnsureEnoughCandidates(rounds, candidatesByRound);

        var regions = candidatesByRound.SelectMany(c => c).Distinct().Order().ToArray();
        var regionIndex = regions.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var demand = rounds.Sum(r => (long)r.ReviewerCount);
        if (rounds.Count == 0)
        {
            return new ReviewerAssignmentResult(new Dictionary<Guid, IReadOnlyList<Guid>>(), new Dictionary<Guid, int>(), 0, 0);
        }

        long Pairings(Guid author, Guid reviewer) => problem.EarlierPairings.GetValueOrDefault(new RegionPair(author, reviewer));
        long CurrentLoad(Guid region) => problem.CurrentLoads.GetValueOrDefault(region);

        // Two balances with the same total differ by at least 2 in their sum of squares, so a
        // weight above half the largest possible rotation total makes balance come first.
        var maxPairing = rounds.Select((r, i) => candidatesByRound[i].Select(c => Pairings(r.AuthorRegionId, c)).DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max();
        var balanceWeight = checked((demand * maxPairing / 2) + 1);

        const int source = 0;
        var sink = 1 + rounds.Count + regions.Length;
        var network = new MinCostFlow(sink + 1);
        var roundArcs = new List<(int Round, Guid Region, int Arc)>();
        for (var i = 0; i < rounds.Count; i++)
        {
            network.AddArc(source, 1 + i, rounds[i].ReviewerCount, 0);
            foreach (var candidate in candidatesByRound[i])
            {
                var arc = network.AddArc(1 + i, 1 + rounds.Count + regionIndex[candidate], 1, Pairings(rounds[i].AuthorRegionId, candidate));
                roundArcs.Add((i, candidate, arc));
            }
        }

        for (var j = 0; j < regions.Length; j++)
        {
            var current = CurrentLoad(regions[j]);
            var roundsOffered = candidatesByRound.Count(c => c.Contains(regions[j]));
            var room = problem.MaxReviewsPerRegion is { } max ? Math.Clamp(max - current, 0, roundsOffered) : roundsOffered;

            // Taking the load from L to L + 1 adds (L + 1)² − L² = 2L + 1.
            var marginal = new long[room];
            for (var unit = 0; unit < room; unit++)
            {
                marginal[unit] = checked(balanceWeight * ((2 * (current + unit)) + 1));
            }

            network.AddConvexArc(1 + rounds.Count + j, sink, marginal);
        }

        var (flow, _) = network.Solve(source, sink, demand);

        var reviewers = new Dictionary<Guid, List<Guid>>();
        foreach (var round in rounds)
        {
            reviewers[round.RoundId] = [];
        }

        foreach (var (round, region, arc) in roundArcs)
        {
            if (network.FlowOn(arc) == 1)
            {
                reviewers[rounds[round].RoundId].Add(region);
            }
        }

        if (flow < demand)
        {
            throw CapacityExceeded(problem, rounds, reviewers);
        }

        var loads = regions.ToDictionary(r => r, r => (int)CurrentLoad(r));
        long rotation = 0;
        foreach (var round in rounds)
        {
            foreach (var region in reviewers[round.RoundId])
            {
                loads[region]++;
                rotation += Pairings(round.AuthorRegionId, region);
            }
        }

        return new ReviewerAssignmentResult(
            reviewers.ToDictionary(p => p.Key, p => (IReadOnlyList<Guid>)p.Value),
            loads,
            loads.Values.Sum(l => (long)l * l),
            rotation);
    }

    private static void EnsureEnoughCandidates(IReadOnlyList<RoundToAssign> rounds, Guid[][] candidatesByRound)
    {
        var problems = new List<string>();
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = rounds[i];
            if (round.ReviewerCount < 1)
            {
                problems.Add($"«{round.Title}» begär {round.ReviewerCount} granskande regioner; minst en behövs.");
            }
            else if (candidatesByRound[i].Length < round.ReviewerCount)
            {
                problems.Add($"«{round.Title}» begär {round.ReviewerCount} granskande regioner, men bara {candidatesByRound[i].Length} andra regioner deltar i programmet (den egna regionen kan aldrig granska).");
            }
        }

        if (problems.Count > 0)
        {
            throw new RuleViolationException(TooFewRegionsRule, string.Join(" ", problems));
        }
    }

    private static RuleViolationException CapacityExceeded(
        ReviewerAssignmentProblem problem, IReadOnlyList<RoundToAssign> rounds, Dictionary<Guid, List<Guid>> reviewers)
    {
        var shortRounds = rounds
            .Where(r => reviewers[r.RoundId].Count < r.ReviewerCount)
            .Select(r => $"«{r.Title}» saknar {r.ReviewerCount - reviewers[r.RoundId].Count}")
            .ToList();
        return new RuleViolationException(CapacityRule,
            $"Granskarna räcker inte till: varje region får ha högst {problem.MaxReviewsPerRegion} granskningar samtidigt, " +
            $"och då går det inte att bemanna alla omgångar ({string.Join(", ", shortRounds)}). " +
            "Be om färre granskare, vänta tills pågående omgångar har stängts eller höj taket.");
    }
}
