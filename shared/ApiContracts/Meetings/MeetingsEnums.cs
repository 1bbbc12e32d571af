namespace KollegialtUtbyte.Meetings.ApiContracts;

// The enums Meetings' API carries, written as their names. Declared here once: the service's
// domain uses these same declarations (and stores them as before).

public enum MeetingStatus
{
    Draft,
    Published,
    Held,
    Documented,
    Cancelled,
}

/// <summary>Kinds of agenda items, as in the strategic dialogues of seed 000 ("föredrag", "workshop").</summary>
public enum AgendaItemKind
{
    Talk,
    Workshop,
    Break,
    Other,
}

public enum DocumentationStatus
{
    Draft,
    Approved,
}

public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// <summary>Who signs a member network's protocol (seed 004): its convener and its secretary.</summary>
public enum ProtocolSignerRole
{
    Convener,
    Secretary,
}
