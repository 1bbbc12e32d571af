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

    // Participants of strategic dialogues and members of networks (seeds 000 and 004).
    Municipality,
    Company,
    University,
    Authority,
    Association,
}

/// <summary>
/// The format of an exchange, which decides the rules that apply to it: the six-meeting programme
/// between regional teams (seed 001), the governor's strategic dialogue on one question (seed 000),
/// or the member network with its working groups and signed protocols (seed 004).
/// </summary>
public enum ExchangeFormat
{
    Programme,
    StrategicDialogue,
    MemberNetwork,
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
