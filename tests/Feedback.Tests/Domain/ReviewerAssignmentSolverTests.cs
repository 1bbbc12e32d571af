using KollegialtUtbyte.Feedback.Domain.Assignment;
using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Feedback.Tests.Domain;

/// <summary>
/// The reviewer assignment against the rules of the programme and, on small instances, against
/// every possible assignment (brute force): the solver's answer must be exactly as balanced and,
/// among the most balanced, exactly as fresh in its pairings as the best one there is.
/// </summary>
public sealed class ReviewerAssignmentSolverTests
{
    private static readonly Guid[] Regions = [.. Enumerable.Range(1, 8).Select(i => new Guid($"00000000-0000-0000-0000-00000000000{i}"))];

    [Fact]
    public void A_region_never_reviews_its_own_document_even_when_it_is_in_the_pool()
    {
        var rounds = Regions[..5].Select((author, i) => Round(i, author, 2, Regions[..5])).ToList();

        var result = ReviewerAssignmentSolver.Solve(new ReviewerAssignmentProblem { Rounds = rounds });

        foreach (var round in rounds)
        {
            var reviewers = result.ReviewersByRound[round.RoundId];
            Assert.Equal(2, reviewers.Count);
            Assert.DoesNotContain(round.AuthorRegionId, reviewers);
            Assert.Equal(2, reviewers.Distinct().Count());
        }
    }

    [Fact]
    public void Every_region_of_six_reviews_two_documents_when_all_six_ask_for_two_reviewers()
    {
        var pool = Regions[..6];
        var rounds = pool.Select((author, i) => Round(i, author, 2, pool)).ToList();

        var result = ReviewerAssignmentSolver.Solve(new ReviewerAssignmentProblem { Rounds = rounds });

        Assert.All(pool, region => Assert.Equal(2, result.LoadsAfter[region]));
    }

    [Fact]
    public void Regions_that_already_reviewed_each_other_are_paired_again_only_when_nothing_else_balances()
    {
        var (a, b, c, d) = (Regions[0], Regions[1], Regions[2], Regions[3]);
        var round = Round(0, a, 2, [a, b, c, d]);
        var metBefore = new Dictionary<RegionPair, int> { [new RegionPair(b, a)] = 1 };

        var fresh = ReviewerAssignmentSolver.Solve(new ReviewerAssignmentProblem { Rounds = [round], EarlierPairings = metBefore });
        Assert.Equal([c, d], fresh.ReviewersByRound[round.RoundId].Order());

        // C is already busy elsewhere: balance comes first, so B meets A again rather than C taking a third review.
        var busy = ReviewerAssignmentSolver.Solve(new ReviewerAssignmentProblem
        {
            Rounds = [round],
            EarlierPairings = metBefore,
            CurrentLoads = new Dictionary<Guid, int> { [c] = 2 },
        });
        Assert.Equal([b, d], busy.ReviewersByRound[round.RoundId].Order());
    }

    [Fact]
    public void Asking_for_more_reviewers_than_other_regions_exist_is_refused_saying_so()
    {
        var round = Round(0, Regions[0], 3, Regions[..3]) with { Title = "Värmlandsstrategin version 1" };

        var refusal = Assert.Throws<RuleViolationException>(() => ReviewerAssignmentSolver.Solve(new ReviewerAssignmentProblem { Rounds = [round] }));

        Assert.Equal(ReviewerAssignmentSolver.TooFewRegionsRule, refusal.Rule);
        Assert.Contains("Värmlandsstrategin version 1", refusal.Message);
        Assert.Contains("3 granskande regioner", refusal.Message);
        Assert.Contains("bara 2 andra regioner", refusal.Message);
    }

    [Fact]
    public void A_cap_on_reviews_per_region_that_cannot_staff_every_round_is_refused_naming_the_rounds()
    {
        var pool = Regions[..3];
        var rounds = pool.Select((author, i) => Round(i, author, 2, pool)).ToList();

        var refusal = Assert.Throws<RuleViolationException>(() => ReviewerAssignmentSolver.Solve(new ReviewerAssignmentProblem { Rounds = rounds, MaxReviewsPerRegion = 1 }));

        Assert.Equal(ReviewerAssignmentSolver.CapacityRule, refusal.Rule);
        Assert.Contains("högst 1 granskningar", refusal.Message);
    }

    [Fact]
    public void The_same_batch_gets_the_same_answer()
    {
        var rounds = Regions[..6].Select((author, i) => Round(i, author, 3, Regions[..6])).ToList();
        var problem = new ReviewerAssignmentProblem { Rounds = rounds };

        var first = ReviewerAssignmentSolver.Solve(problem);
        var second = ReviewerAssignmentSolver.Solve(problem);

        Assert.All(rounds, r => Assert.Equal(first.ReviewersByRound[r.RoundId], second.ReviewersByRound[r.RoundId]));
    }

    [Fact]
    public void On_small_instances_the_answer_is_as_good_as_the_best_of_all_possible_assignments()
    {
        var random = new Random(20210301);
        var compared = 0;
        var infeasible = 0;
        for (var instance = 0; instance < 300; instance++)
        {
            var problem = RandomProblem(random);
            var best = BruteForce(problem);
            if (best is null)
            {
                // No assignment exists at all: the solver must say so instead of half-staffing.
                Assert.Throws<RuleViolationException>(() => ReviewerAssignmentSolver.Solve(problem));
                infeasible++;
                continue;
            }

            var result = ReviewerAssignmentSolver.Solve(problem);
            AssertValid(problem, result);
            Assert.True(
                (result.LoadSquares, result.RotationCost) == (best.Value.LoadSquares, best.Value.Rotation),
                $"Instance {instance}: solver ({result.LoadSquares}, {result.RotationCost}) vs best ({best.Value.LoadSquares}, {best.Value.Rotation})");
            if (best.Value.BalancedExists)
            {
                var loads = CandidateRegions(problem).Select(r => result.LoadsAfter[r]).ToList();
                Assert.True(loads.Max() - loads.Min() <= 1, $"Instance {instance}: loads {string.Join(",", loads)} although max − min ≤ 1 is possible");
            }

            compared++;
        }

        // The generator must really exercise both outcomes.
        Assert.True(compared > 200, $"only {compared} feasible instances");
        Assert.True(infeasible > 5, $"only {infeasible} infeasible instances");
    }

    private static RoundToAssign Round(int index, Guid author, int count, IReadOnlyCollection<Guid> pool) =>
        new(new Guid($"10000000-0000-0000-0000-{index:D12}"), $"round {index}", author, count, pool);

    private static ReviewerAssignmentProblem RandomProblem(Random random)
    {
        var regionCount = random.Next(3, 7);
        var regions = Regions[..regionCount];
        var rounds = new List<RoundToAssign>();
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            var author = regions[random.Next(regionCount)];
            var pool = regions.Where(_ => random.NextDouble() < 0.8).Append(author).Distinct().ToList();
            var count = random.Next(1, Math.Min(3, Math.Max(1, pool.Count - 1)) + 1);
            rounds.Add(Round(i, author, count, pool));
        }

        var loads = regions.Where(_ => random.NextDouble() < 0.4).ToDictionary(r => r, _ => random.Next(0, 3));
        var pairings = new Dictionary<RegionPair, int>();
        foreach (var first in regions)
        {
            foreach (var second in regions.Where(r => r.CompareTo(first) > 0 && random.NextDouble() < 0.3))
            {
                pairings[new RegionPair(first, second)] = random.Next(1, 4);
            }
        }

        return new ReviewerAssignmentProblem
        {
            Rounds = rounds,
            CurrentLoads = loads,
            EarlierPairings = pairings,
            MaxReviewsPerRegion = random.NextDouble() < 0.3 ? random.Next(1, 4) : null,
        };
    }

    private static List<Guid> CandidateRegions(ReviewerAssignmentProblem problem) =>
        [.. problem.Rounds.SelectMany(r => r.CandidateRegionIds.Where(c => c != r.AuthorRegionId)).Distinct()];

    private static void AssertValid(ReviewerAssignmentProblem problem, ReviewerAssignmentResult result)
    {
        foreach (var round in problem.Rounds)
        {
            var reviewers = result.ReviewersByRound[round.RoundId];
            Assert.Equal(round.ReviewerCount, reviewers.Distinct().Count());
            Assert.DoesNotContain(round.AuthorRegionId, reviewers);
            Assert.All(reviewers, r => Assert.Contains(r, round.CandidateRegionIds));
        }

        if (problem.MaxReviewsPerRegion is { } max)
        {
            Assert.All(result.LoadsAfter, load => Assert.True(load.Value <= max || load.Value == problem.CurrentLoads.GetValueOrDefault(load.Key)));
        }
    }

    /// <summary>Every combination of reviewers for every round; the lexicographically best (balance, rotation).</summary>
    private static (long LoadSquares, long Rotation, bool BalancedExists)? BruteForce(ReviewerAssignmentProblem problem)
    {
        var regions = CandidateRegions(problem);
        var options = problem.Rounds
            .Select(r => Combinations([.. r.CandidateRegionIds.Where(c => c != r.AuthorRegionId).Distinct()], r.ReviewerCount).ToList())
            .ToList();
        if (options.Any(o => o.Count == 0))
        {
            return null;
        }

        (long, long)? best = null;
        var balancedExists = false;
        var choice = new int[options.Count];
        while (true)
        {
            var loads = regions.ToDictionary(r => r, r => problem.CurrentLoads.GetValueOrDefault(r));
            long rotation = 0;
            for (var i = 0; i < options.Count; i++)
            {
                foreach (var region in options[i][choice[i]])
                {
                    loads[region]++;
                    rotation += problem.EarlierPairings.GetValueOrDefault(new RegionPair(problem.Rounds[i].AuthorRegionId, region));
                }
            }

            // A region already above the cap takes nothing new; the others at most up to it.
            var withinCap = problem.MaxReviewsPerRegion is not { } max
                || regions.All(r => loads[r] == problem.CurrentLoads.GetValueOrDefault(r) || loads[r] <= max);
            if (withinCap)
            {
                var squares = loads.Values.Sum(l => (long)l * l);
                if (best is null || (squares, rotation).CompareTo(best.Value) < 0)
                {
                    best = (squares, rotation);
                }

                balancedExists |= loads.Values.Max() - loads.Values.Min() <= 1;
            }

            var position = 0;
            while (position < options.Count && ++choice[position] == options[position].Count)
            {
                choice[position++] = 0;
            }

            if (position == options.Count)
            {
                break;
            }
        }

        return best is { } found ? (found.Item1, found.Item2, balancedExists) : null;
    }

    private static IEnumerable<Guid[]> Combinations(Guid[] items, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = 0; i <= items.Length - size; i++)
        {
            foreach (var rest in Combinations(items[(i + 1)..], size - 1))
            {
                yield return [items[i], .. rest];
            }
        }
    }
}
