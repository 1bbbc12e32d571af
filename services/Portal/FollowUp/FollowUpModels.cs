namespace KollegialtUtbyte.Portal.FollowUp;

// The follow-up of decisions and the regions' priorities, as the services send them
// (Meetings: actions on decision points; Feedback: priorities and their results).

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

public sealed record PriorityResultView(Guid Id, string Text, DateOnly AchievedOn, Guid? DocumentId, string? DocumentTitle, int? DocumentVersionNumber, Guid? MeetingId, DateTimeOffset RecordedAt);

public sealed record PriorityView(
    Guid Id,
    Guid ProgrammeId,
    Guid RegionId,
    string RegionName,
    int Number,
    string Title,
    string? Description,
    IReadOnlyList<PriorityResultView> Results,
    IReadOnlyList<PriorityFeedbackView> Feedback,
    long Version);

/// <summary>Feedback the region received, linked to a priority: as a whole, or one suggestion with the region's answer to it.</summary>
public sealed record PriorityFeedbackView(
    Guid RoundId,
    string DocumentTitle,
    Guid ReviewerRegionId,
    string ReviewerRegionName,
    int? SuggestionNumber,
    string? SuggestionText,
    string? Decision,
    string? ResponseNote);

public sealed record RecordPriority(string Title, string? Description);

public sealed record AddPriorityResult(string Text, DateOnly? AchievedOn, Guid? MeetingId, Guid? DocumentId, int? VersionNumber);

public sealed record LinkPriorityFeedback(Guid? RoundId, Guid? ReviewerRegionId, int? SuggestionNumber);

/// <summary>The statuses of an action, in the order they are offered.</summary>
public static class ActionStatuses
{
    public static readonly string[] All = ["Planned", "InProgress", "Done", "Dropped"];
}

/// <summary>A new action on a decision point: exactly one owner, a person or a region of the programme.</summary>
public sealed record CreateAction(string What, Guid? OwnerPersonId, Guid? OwnerRegionId, DateOnly? DueOn);
