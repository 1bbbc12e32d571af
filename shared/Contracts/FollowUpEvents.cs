namespace KollegialtUtbyte.Contracts;

// Published by the Meetings service: follow-up of the decisions in approved documentation.

/// <summary>Which reminder of a decision's action is due.</summary>
public enum DecisionActionReminderKind
{
    /// <summary>The due date is a configured number of days away (or nearer).</summary>
    DueSoon,

    /// <summary>The due date has passed and the action is still open.</summary>
    Overdue,
}

/// <summary>Who carries an action of a decision.</summary>
public enum DecisionActionOwnerKind
{
    /// <summary>A person of the directory.</summary>
    Person,

    /// <summary>A region's team.</summary>
    Region,
}

/// <summary>
/// An open action of an approved decision needs a reminder to its owner: a person or
/// a region's team (<c>OwnerId</c> is the person's or the region's id). Published once per action, kind and due date.
/// </summary>
public sealed record DecisionActionReminderTriggered(
    Guid ActionId,
    Guid ProgrammeId,
    Guid MeetingId,
    string? RegistryNumber,
    string PointNumber,
    string What,
    DecisionActionOwnerKind OwnerKind,
    Guid OwnerId,
    string OwnerName,
    DateOnly DueOn,
    DecisionActionReminderKind Kind,
    DateTimeOffset OccurredAt);
