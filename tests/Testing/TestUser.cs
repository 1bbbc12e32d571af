using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Testing;

/// <summary>Who a test acts as: the claims its access token carries.</summary>
public sealed record TestUser(Guid PersonId, string Name, string Email, IReadOnlyList<string> Roles, Guid? RegionId = null)
{
    public static TestUser Administrator() => New("Ada Administratör", [Contracts.Roles.Administrator]);

    public static TestUser Facilitator() => New("Fia Processledare", [Contracts.Roles.Facilitator]);

    public static TestUser TeamMember(Guid regionId) => New("Tove Tjänsteperson", [Contracts.Roles.TeamMember], regionId);

    public static TestUser ProjectLeader(Guid regionId) => New("Per Projektledare", [Contracts.Roles.ProjectLeader, Contracts.Roles.TeamMember], regionId);

    public static TestUser Politician(Guid regionId) => New("Pia Politiker", [Contracts.Roles.Politician], regionId);

    public TestUser WithPerson(Guid personId) => this with { PersonId = personId };

    private static TestUser New(string name, IReadOnlyList<string> roles, Guid? regionId = null)
    {
        var id = Guid.NewGuid();
        return new TestUser(id, name, $"{id:N}@example.test", roles, regionId);
    }
}
