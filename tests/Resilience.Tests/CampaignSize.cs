namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>
/// How big a campaign runs: the short default of the test command, or the full run
/// (<c>KU_FAULT_CAMPAIGN=full</c>): at least this many operations from this many concurrent clients,
/// and however many more happen while the fault script is still at work.
/// </summary>
public sealed record CampaignSize(string Name, int Operations, int Clients, TimeSpan Convergence)
{
    public const string Variable = "KU_FAULT_CAMPAIGN";

    public static CampaignSize FromEnvironment() =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "full", StringComparison.OrdinalIgnoreCase)
            ? new("full", 10_000, 16, TimeSpan.FromMinutes(20))
            : new("short", 300, 6, TimeSpan.FromMinutes(5));
}
