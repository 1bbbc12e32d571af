namespace KollegialtUtbyte.Portal.FollowUp;

// The follow-up of decisions, as Meetings sends it (actions on decision points). The regions'
// priorities come from Feedback's own contract (KollegialtUtbyte.Feedback.ApiContracts).

public sealed record ActionNote(string Status, string? Text, string ByName, DateTimeOffset At);

public sealed record DecisionActionView(
    Guid Id,
    Guid ProgrammeId,
    Guid MeetingId,
    string Theme,
    string PointNumber,
    string? Decision,
    string? RegistryNumber,
    string What,
    string OwnerKind,
    Guid OwnerId,
    string OwnerName,
    Guid? RegionId,
    DateOnly DueOn,
    string Status,
    string? DroppedReason,
    bool Approved,
    bool Overdue,
    IReadOnlyList<ActionNote> Notes,
    long Version)
{
    public bool IsOpen => Status is "Planned" or "InProgress";
}

public sealed record RecordProgress(string Status, string? Note, long Version);

/// <summary>The statuses of an action, in the order they are offered.</summary>
public static class ActionStatuses
{
    public static readonly string[] All = ["Planned", "InProgress", "Done", "Dropped"];
}

/// <summary>A new action on a decision point: exactly one owner, a person or a region of the programme.</summary>
public sealed record CreateAction(string What, Guid? OwnerPersonId, Guid? OwnerRegionId, DateOnly? DueOn);
