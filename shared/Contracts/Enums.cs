namespace KollegialtUtbyte.Contracts;

/// <summary>A person's role in a region's team in a programme.</summary>
public enum TeamRole
{
    ProjectLeader,
    KeyOfficial,
    Politician,
    SubstitutePolitician,
}

/// <summary>Kinds of organisation that are not regions.</summary>
public enum OrganisationKind
{
    Region,
    Agency,
    Consultancy,
    Other,
}

public enum InvitationAnswer
{
    Pending,
    Accepted,
    Declined,
    Tentative,
}

public enum AttendanceStatus
{
    Present,
    Absent,
    Excused,
}

public enum QuotaStatus
{
    OnTrack,
    AtRisk,
    Unreachable,
}

public enum StrategyDocumentKind
{
    RegionalDevelopmentStrategy,
    Handbook,
    ActionPlan,
    Other,
}

public enum FeedbackRoundCloseReason
{
    DeadlineReached,
    ClosedByAuthor,
    ClosedByAdministrator,
}
