namespace KollegialtUtbyte.Regions.Domain;

/// <summary>A region taking part in a working group.</summary>
public sealed class WorkingGroupRegion
{
    private WorkingGroupRegion()
    {
    }

    internal WorkingGroupRegion(Guid regionId) => RegionId = regionId;

    public Guid RegionId { get; private set; }
}

/// <summary>A person taking part in a working group.</summary>
public sealed class WorkingGroupMember
{
    private WorkingGroupMember()
    {
    }

    internal WorkingGroupMember(Guid personId) => PersonId = personId;

    public Guid PersonId { get; private set; }
}

/// <summary>
/// Regions working together on a topic across the programme, e.g. Värmland, Norrbotten and
/// Västerbotten on "hur projektmedel och företagsstöd kan hållbarhetssäkras" (Kollegialt utbyte).
/// </summary>
public sealed class WorkingGroup : IVersioned
{
    public const int MinRegions = 2;

    private readonly List<WorkingGroupRegion> _regions = [];
    private readonly List<WorkingGroupMember> _members = [];

    private WorkingGroup()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public string Topic { get; private set; } = "";

    public string SearchText { get; private set; } = "";

    public bool Disbanded { get; private set; }

    public DateTimeOffset FormedAt { get; private set; }

    public IReadOnlyList<WorkingGroupRegion> Regions => _regions;

    public IReadOnlyList<WorkingGroupMember> Members => _members;

    public long Version { get; set; }

    public IReadOnlyList<Guid> RegionIds => _regions.Select(r => r.RegionId).ToList();

    public IReadOnlyList<Guid> PersonIds => _members.Select(m => m.PersonId).ToList();

    /// <param name="participatingRegionIds">The regions that take part in the programme.</param>
    public static WorkingGroup Form(
        Guid id,
        Guid programmeId,
        string topic,
        IReadOnlyCollection<Guid> regionIds,
        IReadOnlyCollection<Person> people,
        IReadOnlyCollection<Guid> participatingRegionIds,
        DateTimeOffset now)
    {
        var group = new WorkingGroup { Id = id, ProgrammeId = programmeId, FormedAt = now };
        group.Change(topic, regionIds, people, participatingRegionIds);
        return group;
    }

    public void Change(string topic, IReadOnlyCollection<Guid> regionIds, IReadOnlyCollection<Person> people, IReadOnlyCollection<Guid> participatingRegionIds)
    {
        EnsureActive();
        var regions = regionIds.Distinct().ToList();
        if (regions.Count < MinRegions)
        {
            throw new RuleViolationException("working-group.too-few-regions",
                $"En arbetsgrupp går över regiongränserna och behöver minst {MinRegions} regioner.");
        }

        if (regions.Any(r => !participatingRegionIds.Contains(r)))
        {
            throw new RuleViolationException("working-group.region-not-in-programme",
                "En arbetsgrupp består av regioner som deltar i programmet; minst en av de angivna gör det inte.");
        }

        if (people.FirstOrDefault(p => p.RegionId is not { } region || !regions.Contains(region)) is { } stranger)
        {
            throw new RuleViolationException("working-group.person-outside-regions",
                $"{stranger.Name} hör inte till någon av arbetsgruppens regioner.");
        }

        Topic = Text.Required(topic, "working-group.topic-required", "En arbetsgrupp måste ha ett ämne.");
        SearchText = Text.SearchTextOf(Topic);
        Sync(_regions, regions, r => r.RegionId, id => new WorkingGroupRegion(id));
        Sync(_members, people.Select(p => p.Id).Distinct().ToList(), m => m.PersonId, id => new WorkingGroupMember(id));
    }

    public void Disband()
    {
        EnsureActive();
        Disbanded = true;
    }

    private void EnsureActive()
    {
        if (Disbanded)
        {
            throw new RuleViolationException("working-group.disbanded", "Arbetsgruppen är upplöst och kan inte ändras.");
        }
    }

    // Keeps the entries that stay (so their rows stay), removes the rest, adds the new ones.
    private static void Sync<T>(List<T> current, IReadOnlyList<Guid> wanted, Func<T, Guid> idOf, Func<Guid, T> create)
    {
        current.RemoveAll(item => !wanted.Contains(idOf(item)));
        foreach (var id in wanted.Where(id => current.All(item => idOf(item) != id)))
        {
            current.Add(create(id));
        }
    }
}
