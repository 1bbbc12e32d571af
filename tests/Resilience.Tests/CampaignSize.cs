namespace KollegialtUtbyte.Resilience.Tests;

/// <summary>
/// How big a campaign runs, chosen by <c>KU_FAULT_CAMPAIGN</c>: <c>short</c> (the default, as in the
/// test command), <c>full</c>, or <c>off</c> to skip it. <see cref="Operations"/> business operations
/// from <see cref="Clients"/> concurrent clients, at most <see cref="Registrations"/> of them adding a
/// new project leader to a team (each one is mailed every later meeting change and review request of
/// its region, so they set how much mail the suite must send); while the fault script repairs a
/// fault the clients only read (see <see cref="FaultScript"/>). <see cref="Convergence"/> bounds each
/// wait for the read models afterwards; <see cref="DownAtMost"/> how long a fault lasts before the
/// script repairs it (less when the clients have done their operations against the failed system).
/// </summary>
public sealed record CampaignSize(string Name, int Operations, int Clients, int Registrations, TimeSpan Convergence, TimeSpan DownAtMost)
{
    public const string Variable = "KU_FAULT_CAMPAIGN";

    /// <summary>Where the summary table is also written when set (the test command prints it).</summary>
    public const string SummaryVariable = "KU_FAULT_CAMPAIGN_SUMMARY";

    public const string SkipReason = "KU_FAULT_CAMPAIGN=off: the fault campaign is skipped.";

    /// <summary>Whether the campaign runs (the test is skipped only when it is turned off).</summary>
    public static bool Requested => Value != "off";

    private static string Value => Environment.GetEnvironmentVariable(Variable)?.Trim().ToLowerInvariant() ?? "";

    public static CampaignSize FromEnvironment() => Value switch
    {
        "full" => new("full", 10_000, 16, int.MaxValue, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(20)),
        "" or "short" => new("short", 150, 4, 6, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(8)),
        var other => throw new InvalidOperationException($"{Variable}={other}: expected short (the default), full or off."),
    };
}
