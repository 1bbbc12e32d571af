namespace KollegialtUtbyte.SharedKernel;

/// <summary>
/// A service's copy of a person's place in a region's team in a programme, kept from the directory's
/// team events. Events may arrive out of order: news older than the last change is ignored, and a
/// departure stays as an inactive row, so a join that arrives after it cannot bring the person back.
/// </summary>
/// <typeparam name="TRole">The team role; generic because the kernel knows no message contracts.</typeparam>
public abstract class TeamMembershipCopy<TRole>
    where TRole : struct, Enum
{
    public Guid ProgrammeId { get; protected set; }

    public Guid RegionId { get; protected set; }

    public Guid PersonId { get; protected set; }

    public TRole Role { get; protected set; }

    public bool Active { get; protected set; }

    public DateTimeOffset ChangedAt { get; protected set; }

    /// <summary>Takes a join, update or departure unless it is older than the last change. Returns false for stale news.</summary>
    public bool Apply(TRole role, bool active, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return false;
        }

        Role = role;
        Active = active;
        ChangedAt = occurredAt;
        return true;
    }
}
