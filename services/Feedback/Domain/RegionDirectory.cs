namespace KollegialtUtbyte.Feedback.Domain;

// The service's own copy of what the Regions service publishes about regions, programmes and
// teams. Each row remembers the time of the event it reflects, so an older event arriving late
// never overwrites a newer state.

/// <summary>A region as last announced by the Regions service.</summary>
public sealed class KnownRegion
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string CountyCode { get; set; } = "";

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A region's participation in a programme: the programme's active regions form the reviewer pool.</summary>
public sealed class ProgrammeRegion
{
    public Guid ProgrammeId { get; set; }

    public Guid RegionId { get; set; }

    public required string RegionName { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A person in a region's team in a programme: who may act for the region here.</summary>
public sealed class TeamMember
{
    public Guid ProgrammeId { get; set; }

    public Guid RegionId { get; set; }

    public Guid PersonId { get; set; }

    public TeamRole Role { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Project leaders and the officials with key functions do the strategy work; politicians do not write feedback.</summary>
    public static bool WorksOnStrategies(TeamRole role) => role is TeamRole.ProjectLeader or TeamRole.KeyOfficial;
}

/// <summary>A programme's dates as last announced by the Regions service: when it ended decides when its drafts may go.</summary>
public sealed class KnownProgramme
{
    public Guid Id { get; set; }

    public DateOnly EndsOn { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>
/// A person whose data was erased: later or reordered team events carrying her old name and
/// e-mail are ignored, so the erasure stays done.
/// </summary>
public sealed class ErasedPersonMark
{
    public Guid PersonId { get; set; }

    public DateTimeOffset ErasedAt { get; set; }
}
