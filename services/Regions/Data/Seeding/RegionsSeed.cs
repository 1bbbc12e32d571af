namespace KollegialtUtbyte.Regions.Data.Seeding;

// The shape of the files in seeds/regions/ (JSON, camelCase, enums by name).

internal sealed record SeedOrganisation(Guid Id, string Name, OrganisationKind Kind);

internal sealed record SeedRegion(Guid Id, string Name, string CountyCode);

internal sealed record SeedProgramme(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, int ExpectedKeyOfficials, IReadOnlyList<Guid> RegionIds);

internal sealed record SeedMembership(Guid ProgrammeId, TeamRole Role);

internal sealed record SeedPerson(
    Guid Id,
    string Name,
    string Email,
    string? Phone,
    string? Title,
    Guid? RegionId,
    Guid? OrganisationId,
    string PreferredLanguage,
    string? Gender,
    bool ShareContactDetails,
    bool Facilitator,
    IReadOnlyList<SeedMembership>? Teams);

internal sealed record SeedWorkingGroup(Guid Id, Guid ProgrammeId, string Topic, IReadOnlyList<Guid> RegionIds, IReadOnlyList<Guid> PersonIds);

internal sealed record SeedMember(Guid OrganisationId, DateOnly JoinedOn);

/// <summary>A strategic dialogue or member network, with its real dates (not moved like the demo programme's).</summary>
internal sealed record SeedExchange(
    Guid Id,
    ExchangeFormat Format,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string? Question,
    Guid? LeaderPersonId,
    Guid? ConvenerPersonId,
    Guid? SecretaryPersonId,
    IReadOnlyList<SeedMember>? Members,
    IReadOnlyList<Guid>? ParticipantIds);

/// <summary>Everything in seeds/regions/.</summary>
internal sealed record RegionsSeed(
    IReadOnlyList<SeedOrganisation> Organisations,
    IReadOnlyList<SeedRegion> Regions,
    IReadOnlyList<SeedProgramme> Programmes,
    IReadOnlyList<SeedPerson> People,
    IReadOnlyList<SeedWorkingGroup> WorkingGroups,
    IReadOnlyList<SeedExchange> Exchanges)
{
    public static async Task<RegionsSeed> ReadAsync(IConfiguration configuration, CancellationToken cancellationToken) => new(
        await SeedFiles.ReadJsonAsync<List<SeedOrganisation>>(configuration, "regions/organisations.json", cancellationToken),
        await SeedFiles.ReadJsonAsync<List<SeedRegion>>(configuration, "regions/regions.json", cancellationToken),
        await SeedFiles.ReadJsonAsync<List<SeedProgramme>>(configuration, "regions/programmes.json", cancellationToken),
        await SeedFiles.ReadJsonAsync<List<SeedPerson>>(configuration, "regions/people.json", cancellationToken),
        await SeedFiles.ReadJsonAsync<List<SeedWorkingGroup>>(configuration, "regions/working-groups.json", cancellationToken),
        await SeedFiles.ReadJsonAsync<List<SeedExchange>>(configuration, "regions/exchanges.json", cancellationToken));
}
