using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Meetings.ApiContracts;

/// <summary>An action on a decision point: exactly one owner, a person or a region of the programme.</summary>
public sealed record CreateActionRequest(
    [property: Required, StringLength(MeetingsLimits.ActionWhatLength, MinimumLength = 1)] string What,
    Guid? OwnerPersonId,
    Guid? OwnerRegionId,
    [property: Required] DateOnly? DueOn);

public sealed record ChangeActionRequest(
    [property: Required, StringLength(MeetingsLimits.ActionWhatLength, MinimumLength = 1)] string What,
    Guid? OwnerPersonId,
    Guid? OwnerRegionId,
    [property: Required] DateOnly? DueOn,
    [property: Range(1, long.MaxValue)] long Version);

/// <summary>A new status, a note, or both; dropping an action needs the reason as its note.</summary>
public sealed record RecordProgressRequest(
    [property: Required] ActionStatus? Status,
    [property: StringLength(MeetingsLimits.ActionNoteLength)] string? Note,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record ActionNoteResponse(ActionStatus Status, string? Text, string ByName, DateTimeOffset At);

public sealed record ActionResponse(
    Guid Id,
    Guid ProgrammeId,
    Guid MeetingId,
    string Theme,
    Guid DocumentationId,
    string PointNumber,
    string? Decision,
    string? RegistryNumber,
    string What,
    DecisionActionOwnerKind OwnerKind,
    Guid OwnerId,
    string OwnerName,
    Guid? RegionId,
    DateOnly DueOn,
    ActionStatus Status,
    string? DroppedReason,
    bool Approved,
    bool Overdue,
    IReadOnlyList<ActionNoteResponse> Notes,
    long Version);
