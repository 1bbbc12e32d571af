namespace KollegialtUtbyte.Regions.Api;

/// <summary>
/// Names of regions and organisations, read once per request to describe people. Both lists are
/// short (Sweden has 21 regions; a programme a handful of organisations).
/// </summary>
internal sealed class DirectoryNames(Dictionary<Guid, string> regions, Dictionary<Guid, string> organisations)
{
    public static async Task<DirectoryNames> LoadAsync(RegionsDb db, CancellationToken cancellationToken) => new(
        await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken),
        await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken));

    public string? RegionName(Guid? regionId) => regionId is { } id ? regions.GetValueOrDefault(id) : null;

    public string? OrganisationName(Guid? organisationId) => organisationId is { } id ? organisations.GetValueOrDefault(id) : null;

    /// <summary>The person's organisation, or their region when they work for one.</summary>
    public string EmployerOf(Person person) => OrganisationName(person.OrganisationId) ?? RegionName(person.RegionId) ?? "";
}

internal static class DirectoryQueries
{
    /// <summary>A programme (or other exchange) to read, not to change; 404 when there is none.</summary>
    public static async Task<Programme> ProgrammeToReadAsync(this RegionsDb db, Guid programmeId, CancellationToken cancellationToken) =>
        await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken)
        ?? throw new ResourceNotFoundException("Program", programmeId);

    /// <summary>A region's team in a programme, to change; 404 when the region does not take part.</summary>
    public static async Task<Team> TeamAsync(this RegionsDb db, Guid programmeId, Guid regionId, CancellationToken cancellationToken) =>
        await db.Teams.FirstOrDefaultAsync(t => t.ProgrammeId == programmeId && t.RegionId == regionId, cancellationToken)
        ?? throw new ResourceNotFoundException("Team", $"{programmeId}/{regionId}");

    /// <summary>Which of <paramref name="personIds"/> sit in a team as politician or substitute.</summary>
    public static async Task<HashSet<Guid>> PoliticiansAmongAsync(this RegionsDb db, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        (await db.Teams.AsNoTracking()
            .SelectMany(t => t.Members)
            .Where(m => personIds.Contains(m.PersonId) && (m.Role == TeamRole.Politician || m.Role == TeamRole.SubstitutePolitician))
            .Select(m => m.PersonId)
            .ToListAsync(cancellationToken))
        .ToHashSet();

    /// <summary>The existing region or organisation a person is to belong to, named; a rule violation if there is none.</summary>
    public static async Task<string> EmployerNameAsync(this RegionsDb db, Affiliation affiliation, CancellationToken cancellationToken)
    {
        affiliation.EnsureExactlyOne();
        if (affiliation.RegionId is { } regionId)
        {
            return await db.Regions.Where(r => r.Id == regionId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw DirectoryRules.Unknown("region", regionId);
        }

        var organisationId = affiliation.OrganisationId!.Value;
        return await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            ?? throw DirectoryRules.Unknown("organisation", organisationId);
    }
}
