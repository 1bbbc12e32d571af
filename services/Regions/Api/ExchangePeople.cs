namespace KollegialtUtbyte.Regions.Api;

/// <summary>The people an exchange names in its roles, looked up and described.</summary>
internal static class ExchangePeople
{
    /// <summary>Those of the people named in <paramref name="roles"/> who are in the directory and not erased.</summary>
    public static async Task<IReadOnlySet<Guid>> KnownAsync(RegionsDb db, ExchangeRoles roles, CancellationToken cancellationToken)
    {
        var ids = roles.PersonIds.Distinct().ToList();
        return ids.Count == 0
            ? new HashSet<Guid>()
            : (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.ErasedAt == null).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>Name, title and employer (organisation or region) of each of the people.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ExchangePersonResponse>> DescribeAsync(RegionsDb db, IEnumerable<Guid> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, ExchangePersonResponse>();
        }

        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var names = await DirectoryNames.LoadAsync(db, cancellationToken);
        return people.ToDictionary(p => p.Id, p => new ExchangePersonResponse(p.Id, p.Name, p.Title, names.EmployerOf(p)));
    }
}
