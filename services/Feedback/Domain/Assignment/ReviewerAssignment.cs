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
        if (rounds.Count == 0)
        {
            return new ReviewerAssignmentResult(new Dictionary<Guid, IReadOnlyList<Guid>>(), new Dictionary<Guid, int>(), 0, 0);
        }

        var network = new AssignmentNetwork(problem, candidatesByRound);
        var (flow, reviewers) = network.Solve();
        if (flow < network.Demand)
        {
            throw CapacityExceeded(problem, rounds, reviewers);
        }

        return Summarise(problem, network.Regions, reviewers);
    }

    private static long Pairings(ReviewerAssignmentProblem problem, Guid author, Guid reviewer) =>
        problem.EarlierPairings.GetValueOrDefault(new RegionPair(author, reviewer));

    private static long CurrentLoad(ReviewerAssignmentProblem problem, Guid region) => problem.CurrentLoads.GetValueOrDefault(region);

    /// <summary>The loads after the assignment, their balance and the earlier pairings it repeats.</summary>
    private static ReviewerAssignmentResult Summarise(
        ReviewerAssignmentProblem problem, IReadOnlyList<Guid> regions, Dictionary<Guid, List<Guid>> reviewers)
    {
        var loads = regions.ToDictionary(r => r, r => (int)CurrentLoad(problem, r));
        long rotation = 0;
        foreach (var round in problem.Rounds)
        {
            foreach (var region in reviewers[round.RoundId])
            {
                loads[region]++;
                rotation += Pairings(problem, round.AuthorRegionId, region);
            }
        }

        return new ReviewerAssignmentResult(
            reviewers.ToDictionary(p => p.Key, p => (IReadOnlyList<Guid>)p.Value),
            loads,
            loads.Values.Sum(l => (long)l * l),
            rotation);
    }

    /// <summary>
    /// The flow network of one batch: node 0 is the source, then one node per round, one per
    /// candidate region, and the sink last.
    /// </summary>
    private sealed class AssignmentNetwork
    {
        private const int Source = 0;

        private readonly ReviewerAssignmentProblem _problem;
        private readonly IReadOnlyList<RoundToAssign> _rounds;
        private readonly Guid[][] _candidatesByRound;
        private readonly Dictionary<Guid, int> _regionIndex;
        private readonly long _balanceWeight;
        private readonly int _sink;
        private readonly MinCostFlow _network;
        private readonly List<(int Round, Guid Region, int Arc)> _roundArcs = [];

        public AssignmentNetwork(ReviewerAssignmentProblem problem, Guid[][] candidatesByRound)
        {
            _problem = problem;
            _rounds = problem.Rounds;
            _candidatesByRound = candidatesByRound;
            Regions = candidatesByRound.SelectMany(c => c).Distinct().Order().ToArray();
            _regionIndex = Regions.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
            Demand = _rounds.Sum(r => (long)r.ReviewerCount);
            _balanceWeight = BalanceWeight();
            _sink = 1 + _rounds.Count + Regions.Count;
            _network = new MinCostFlow(_sink + 1);
            AddRoundArcs();
            AddRegionArcs();
        }

        /// <summary>Every candidate region of the batch, in a fixed order.</summary>
        public IReadOnlyList<Guid> Regions { get; }

        /// <summary>Reviews asked for in all.</summary>
        public long Demand { get; }

        /// <summary>The cheapest flow, and the reviewers it gives each round.</summary>
        public (long Flow, Dictionary<Guid, List<Guid>> Reviewers) Solve()
        {
            var (flow, _) = _network.Solve(Source, _sink, Demand);
            var reviewers = _rounds.ToDictionary(r => r.RoundId, _ => new List<Guid>());
            foreach (var (round, region, arc) in _roundArcs)
            {
                if (_network.FlowOn(arc) == 1)
                {
                    reviewers[_rounds[round].RoundId].Add(region);
                }
            }

            return (flow, reviewers);
        }

        private int RoundNode(int round) => 1 + round;

        private int RegionNode(Guid region) => 1 + _rounds.Count + _regionIndex[region];

        /// <summary>
        /// Two balances with the same total differ by at least 2 in their sum of squares, so a
        /// weight above half the largest possible rotation total makes balance come first.
        /// </summary>
        private long BalanceWeight()
        {
            var maxPairing = _rounds
                .Select((r, i) => _candidatesByRound[i].Select(c => Pairings(_problem, r.AuthorRegionId, c)).DefaultIfEmpty(0).Max())
                .DefaultIfEmpty(0)
                .Max();
            return checked((Demand * maxPairing / 2) + 1);
        }

        /// <summary>Source → round (the reviewers it asks for) → each candidate (once, costing the earlier pairings).</summary>
        private void AddRoundArcs()
        {
            for (var i = 0; i < _rounds.Count; i++)
            {
                _network.AddArc(Source, RoundNode(i), _rounds[i].ReviewerCount, 0);
                foreach (var candidate in _candidatesByRound[i])
                {
                    var arc = _network.AddArc(RoundNode(i), RegionNode(candidate), 1, Pairings(_problem, _rounds[i].AuthorRegionId, candidate));
                    _roundArcs.Add((i, candidate, arc));
                }
            }
        }

        /// <summary>Region → sink, as much as its room under the cap, each further review costing more (its load squared).</summary>
        private void AddRegionArcs()
        {
            foreach (var region in Regions)
            {
                var current = CurrentLoad(_problem, region);
                var roundsOffered = _candidatesByRound.Count(c => c.Contains(region));
                var room = _problem.MaxReviewsPerRegion is { } max ? Math.Clamp(max - current, 0, roundsOffered) : roundsOffered;

                // Taking the load from L to L + 1 adds (L + 1)² − L² = 2L + 1.
                var marginal = new long[room];
                for (var unit = 0; unit < room; unit++)
                {
                    marginal[unit] = checked(_balanceWeight * ((2 * (current + unit)) + 1));
                }

                _network.AddConvexArc(RegionNode(region), _sink, marginal);
            }
        }
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
