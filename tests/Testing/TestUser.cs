using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Testing;

/// <summary>Who a test acts as: the claims its access token carries.</summary>
public sealed record TestUser(Guid PersonId, string Name, string Email, IReadOnlyList<string> Roles, Guid? RegionId = null)
{
    /// <summary>Regions beyond <see cref="RegionId"/> the person acts for (places in several regions' teams).</summary>
    public IReadOnlyList<Guid> OtherRegionIds { get; init; } = [];

    /// <summary>Every region the token names (the multi-valued <c>region</c> claim).</summary>
    public IReadOnlyList<Guid> AllRegionIds => RegionId is { } first ? [first, .. OtherRegionIds.Where(r => r != first)] : OtherRegionIds;

    /// <summary>The same person with a place in a further region's team as well.</summary>
    public TestUser AlsoIn(Guid regionId) => this with { OtherRegionIds = [.. OtherRegionIds, regionId] };

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
