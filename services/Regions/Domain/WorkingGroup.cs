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
/// What a working group's rules need to know of its exchange: the format, and who takes part
/// (a programme's regions with teams, a network's named participants).
/// </summary>
public sealed record WorkingGroupExchange(ExchangeFormat Format, IReadOnlyCollection<Guid> ParticipatingRegionIds, IReadOnlyCollection<Guid> ParticipantPersonIds)
{
    public static WorkingGroupExchange Programme(IReadOnlyCollection<Guid> participatingRegionIds) =>
        new(ExchangeFormat.Programme, participatingRegionIds, []);

    public static WorkingGroupExchange Network(IReadOnlyCollection<Guid> participantPersonIds) =>
        new(ExchangeFormat.MemberNetwork, [], participantPersonIds);

    public static WorkingGroupExchange Dialogue() => new(ExchangeFormat.StrategicDialogue, [], []);
}

/// <summary>
/// Regions working together on a topic across the programme, e.g. Värmland, Norrbotten and
/// Västerbotten on "hur projektmedel och företagsstöd kan hållbarhetssäkras" (Kollegialt utbyte).
/// In a member network it is people the member organisations named ("Medlemsorganisationer ska
/// under hösten utnämna namn till de olika grupperna"), with no regions; a strategic dialogue,
/// one meeting about one question, has none.
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

    /// <summary>A working group of an exchange, by the rules of its format.</summary>
    public static WorkingGroup Form(
        Guid id,
        Guid programmeId,
        string topic,
        IReadOnlyCollection<Guid> regionIds,
        IReadOnlyCollection<Person> people,
        WorkingGroupExchange exchange,
        DateTimeOffset now)
    {
        var group = new WorkingGroup { Id = id, ProgrammeId = programmeId, FormedAt = now };
        group.Change(topic, regionIds, people, exchange);
        return group;
    }

    public void Change(string topic, IReadOnlyCollection<Guid> regionIds, IReadOnlyCollection<Person> people, WorkingGroupExchange exchange)
    {
        EnsureActive();
        var regions = regionIds.Distinct().ToList();
        switch (exchange.Format)
        {
            case ExchangeFormat.StrategicDialogue:
                throw new RuleViolationException(WorkingGroupRules.NotInDialogue,
                    "Ett strategiskt samtal är ett möte om en fråga och har inga arbetsgrupper.");

            case ExchangeFormat.MemberNetwork:
                EnsureNetworkGroup(regions, people, exchange.ParticipantPersonIds);
                break;

            default:
                EnsureProgrammeGroup(regions, people, exchange.ParticipatingRegionIds);
                break;
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

    private static void EnsureProgrammeGroup(List<Guid> regions, IReadOnlyCollection<Person> people, IReadOnlyCollection<Guid> participatingRegionIds)
    {
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
    }

    /// <summary>
    /// A network's group is people the member organisations named to the network, not regions.
    /// An erased member stays in the group she was in (she is no longer a participant).
    /// </summary>
    private void EnsureNetworkGroup(List<Guid> regions, IReadOnlyCollection<Person> people, IReadOnlyCollection<Guid> participantPersonIds)
    {
        if (regions.Count > 0)
        {
            throw new RuleViolationException(WorkingGroupRules.NetworkHasNoRegions,
                "I ett medlemsnätverk består en arbetsgrupp av personer som medlemsorganisationerna utsett, inte av regioner.");
        }

        if (people.Count == 0)
        {
            throw new RuleViolationException(WorkingGroupRules.NetworkPeopleRequired,
                "En arbetsgrupp i ett medlemsnätverk behöver minst en person som en medlemsorganisation utsett.");
        }

        if (people.FirstOrDefault(p => !participantPersonIds.Contains(p.Id) && !(p.IsErased && PersonIds.Contains(p.Id))) is { } stranger)
        {
            throw new RuleViolationException(WorkingGroupRules.NotANetworkParticipant,
                $"{stranger.Name} deltar inte i nätverket. Arbetsgrupperna består av personer som medlemsorganisationerna utsett till nätverket.");
        }
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

/// <summary>The working group rules of the formats other than the programme, named in the problems they answer.</summary>
public static class WorkingGroupRules
{
    public const string NetworkHasNoRegions = "working-group.network-has-no-regions";
    public const string NetworkPeopleRequired = "working-group.network-people-required";
    public const string NotANetworkParticipant = "working-group.not-a-network-participant";
    public const string NotInDialogue = "working-group.not-in-dialogue";
}
