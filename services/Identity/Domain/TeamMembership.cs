namespace KollegialtUtbyte.Identity.Domain;

/// <summary>
/// A person's place in a region's team in a programme, as Regions last reported it. A place
/// that was left stays as a tombstone so that a late "joined" cannot bring it back.
/// </summary>
public sealed class TeamMembership
{
    private TeamMembership()
    {
    }

    public Guid PersonId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid RegionId { get; private set; }

    public string RegionName { get; private set; } = "";

    public TeamRole Role { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Time of the event this state came from.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public static TeamMembership For(Guid personId, Guid programmeId, Guid regionId) =>
        new() { PersonId = personId, ProgrammeId = programmeId, RegionId = regionId, AsOf = DateTimeOffset.MinValue.ToUniversalTime() };

    /// <summary>The person holds (or holds again) the place with this role; ignored if newer news is known.</summary>
    public bool ApplyJoinedOrUpdated(TeamRole role, string regionName, DateTimeOffset asOf)
    {
        if (asOf < AsOf)
        {
            return false;
        }

        var changed = !IsActive || Role != role || RegionName != regionName;
        Role = role;
        RegionName = regionName;
        IsActive = true;
        AsOf = asOf;
        return changed;
    }

    public bool ApplyLeft(TeamRole role, DateTimeOffset asOf)
    {
        if (asOf < AsOf)
        {
            return false;
        }

        var changed = IsActive;
        Role = role;
        IsActive = false;
        AsOf = asOf;
        return changed;
    }

    /// <summary>
    /// Every region a person acts for: those of all their active team places, most recently taken
    /// first. A person may sit in several regions' teams; the token names all of them.
    /// </summary>
    public static IReadOnlyList<Guid> RegionsOf(IEnumerable<TeamMembership> memberships) =>
        memberships.Where(m => m.IsActive).OrderByDescending(m => m.AsOf).ThenBy(m => m.RegionId).Select(m => m.RegionId).Distinct().ToList();
}
