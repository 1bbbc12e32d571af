using BenchmarkDotNet.Attributes;
using KollegialtUtbyte.Feedback.Domain.Assignment;

namespace KollegialtUtbyte.Feedback.Benchmarks;

/// <summary>
/// One batch at the scale the assignment must handle: 300 regions each submitting a draft that
/// asks for 3 reviewers, every other region a candidate. With history, every region already
/// carries some reviews and has met a few others before, so rotation decides among many
/// equally balanced answers.
/// </summary>
[MemoryDiagnoser]
public class ReviewerAssignmentBenchmarks
{
    private const int Regions = 300;
    private const int ReviewersPerDraft = 3;

    private ReviewerAssignmentProblem _fresh = null!;
    private ReviewerAssignmentProblem _withHistory = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2021);
        var regions = Enumerable.Range(0, Regions).Select(_ => new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16))).ToArray();
        var rounds = regions.Select((author, i) => new RoundToAssign(new Guid(i, 0, 0, new byte[8]), $"Strategi {i}", author, ReviewersPerDraft, regions)).ToList();
        _fresh = new ReviewerAssignmentProblem { Rounds = rounds };

        var pairings = new Dictionary<RegionPair, int>();
        foreach (var region in regions)
        {
            for (var k = 0; k < 6; k++)
            {
                var other = regions[random.Next(Regions)];
                if (other != region)
                {
                    var pair = new RegionPair(region, other);
                    pairings[pair] = pairings.GetValueOrDefault(pair) + 1;
                }
            }
        }

        _withHistory = new ReviewerAssignmentProblem
        {
            Rounds = rounds,
            CurrentLoads = regions.Where(_ => random.NextDouble() < 0.3).ToDictionary(r => r, _ => random.Next(1, 3)),
            EarlierPairings = pairings,
        };
    }

    [Benchmark(Baseline = true, Description = "300 regions × 300 drafts × 3 reviewers")]
    public ReviewerAssignmentResult Fresh() => ReviewerAssignmentSolver.Solve(_fresh);

    [Benchmark(Description = "… with current loads and earlier pairings")]
    public ReviewerAssignmentResult WithHistory() => ReviewerAssignmentSolver.Solve(_withHistory);
}
