namespace KollegialtUtbyte.Gateway.Tests.Support;

/// <summary>The people of the authorization matrix, each with a fixed region where they have one.</summary>
public static class Personas
{
    public static readonly Guid RegionA = Guid.Parse("a0000000-0000-4000-8000-00000000000a");
    public static readonly Guid RegionB = Guid.Parse("b0000000-0000-4000-8000-00000000000b");

    public const string Anonymous = "anonymous";
    public const string Administrator = "administrator";
    public const string Facilitator = "facilitator";
    public const string TeamMemberA = "team member of region A";
    public const string TeamMemberB = "team member of region B";
    public const string TeamMemberAB = "team member of regions A and B";
    public const string PoliticianA = "politician of region A";
    public const string PoliticianB = "politician of region B";

    /// <summary>In the matrix's column order.</summary>
    public static readonly IReadOnlyList<string> Columns = [Anonymous, Administrator, Facilitator, TeamMemberA, TeamMemberB, TeamMemberAB, PoliticianA, PoliticianB];

    private static readonly Dictionary<string, TestUser?> Users = new()
    {
        [Anonymous] = null,
        [Administrator] = TestUser.Administrator(),
        [Facilitator] = TestUser.Facilitator(),
        [TeamMemberA] = TestUser.TeamMember(RegionA),
        [TeamMemberB] = TestUser.TeamMember(RegionB),
        [TeamMemberAB] = TestUser.TeamMember(RegionA).AlsoIn(RegionB),
        [PoliticianA] = TestUser.Politician(RegionA),
        [PoliticianB] = TestUser.Politician(RegionB),
    };

    public static TestUser? User(string persona) => Users[persona];
}
