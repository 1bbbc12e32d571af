namespace KollegialtUtbyte.Calendar;

/// <summary>The iTIP method of a calendar object (RFC 5546): what the receiving calendar should do with it.</summary>
public enum CalendarMethod
{
    /// <summary>No METHOD property: a plain feed or download.</summary>
    None,

    /// <summary>A published calendar (e.g. a personal feed).</summary>
    Publish,

    /// <summary>An invitation or an update of one (a higher SEQUENCE replaces the earlier).</summary>
    Request,

    /// <summary>The event is cancelled.</summary>
    Cancel,
}

public enum CalendarEventStatus
{
    Tentative,
    Confirmed,
    Cancelled,
}

/// <summary>PARTSTAT of an attendee.</summary>
public enum ParticipationStatus
{
    NeedsAction,
    Accepted,
    Declined,
    Tentative,
}

public sealed record CalendarPerson(string Name, string Email);

public sealed record CalendarAttendee(string Name, string Email, ParticipationStatus Status = ParticipationStatus.NeedsAction, bool ResponseRequested = true);

/// <summary>
/// One VEVENT. <see cref="Uid"/> stays the same for the life of the meeting; <see cref="Sequence"/>
/// grows with every significant change so calendars replace the earlier version.
/// </summary>
public sealed record CalendarEvent(
    string Uid,
    int Sequence,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Summary,
    DateTimeOffset Stamp)
{
    public string? Description { get; init; }

    public string? Location { get; init; }

    public Uri? Url { get; init; }

    public CalendarPerson? Organizer { get; init; }

    public IReadOnlyList<CalendarAttendee> Attendees { get; init; } = [];

    public CalendarEventStatus Status { get; init; } = CalendarEventStatus.Confirmed;
}

/// <summary>A VCALENDAR: events shown in <see cref="TimeZoneId"/> (e.g. Europe/Stockholm).</summary>
public sealed record CalendarDocument(CalendarMethod Method, string TimeZoneId, IReadOnlyList<CalendarEvent> Events)
{
    public string ProductId { get; init; } = "-//Kollegialt utbyte//Kalender//SV";

    /// <summary>A display name for feeds (X-WR-CALNAME).</summary>
    public string? Name { get; init; }
}
