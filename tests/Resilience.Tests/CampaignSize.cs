namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>
/// How big a campaign runs, when asked for by <c>KU_FAULT_CAMPAIGN</c>: <c>short</c>, or <c>full</c>:
/// at least this many operations from this many concurrent clients, and however many more happen
/// while the fault script is still at work. Unset (as in the test command), the campaign is skipped.
/// </summary>
public sealed record CampaignSize(string Name, int Operations, int Clients, TimeSpan Convergence)
{
    public const string Variable = "KU_FAULT_CAMPAIGN";

    public const string SkipReason =
        "The fault campaign runs only when asked for: set KU_FAULT_CAMPAIGN=short (150 operations) or KU_FAULT_CAMPAIGN=full (10,000). " +
        "Known problem: even the short run is not bounded in time: its clients keep working until the last fault is over (one run did " +
        "2,725 operations), and every project leader they add to a region gets every later review request of that region, so the mail " +
        "grows with members x rounds; the last short run passed but took 9 minutes on the shared 2-core machine, 6 of them converging.";

    /// <summary>Whether the campaign was asked for (the test is skipped otherwise).</summary>
    public static bool Requested => FromEnvironment() is not null;

    public static CampaignSize? FromEnvironment() => Environment.GetEnvironmentVariable(Variable)?.Trim().ToLowerInvariant() switch
    {
        "full" => new("full", 10_000, 16, TimeSpan.FromMinutes(20)),
        "short" => new("short", 150, 4, TimeSpan.FromMinutes(5)),
        _ => null,
    };
}
