using System.Globalization;
using System.Text;
using KollegialtUtbyte.Calendar;

namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>
/// What calendars show of meetings: a meeting's own .ics and a person's feed of her meetings.
/// Calendar apps update an event by its UID and sequence, so a rescheduled or cancelled meeting
/// replaces the entry already there.
/// </summary>
public static class MeetingCalendar
{
    public const string FeedName = "Kollegialt utbyte";

    /// <summary>One meeting, in its programme's time zone.</summary>
    public static CalendarDocument ForMeeting(Meeting meeting, ProgrammeCalendar programme, DateTimeOffset now) =>
        new(CalendarMethod.Publish, programme.TimeZone, [EventOf(meeting, programme.Zone, now)]);

    /// <summary>
    /// A person's feed of the meetings she is invited to or leads. Drafts are left out (they are not
    /// announced yet); cancelled meetings stay, marked cancelled, so calendars drop them. The feed
    /// takes its programmes' time zone when they share one, else the default.
    /// </summary>
    public static CalendarDocument Feed(IEnumerable<Meeting> meetings, IReadOnlyDictionary<Guid, ProgrammeCalendar> programmes, DateTimeOffset now)
    {
        var shown = InFeed(meetings);
        var zones = shown.Select(m => programmes[m.ProgrammeId].TimeZone).Distinct().ToList();
        return new CalendarDocument(
            CalendarMethod.Publish,
            zones.Count == 1 ? zones[0] : ProgrammeCalendar.DefaultTimeZone,
            shown.Select(m => EventOf(m, programmes[m.ProgrammeId].Zone, now)).ToList())
        {
            Name = FeedName,
        };
    }

    /// <summary>The meetings a feed shows, earliest first.</summary>
    public static IReadOnlyList<Meeting> InFeed(IEnumerable<Meeting> meetings) =>
        meetings.Where(m => m.Status != MeetingStatus.Draft).OrderBy(m => m.StartsAt).ToList();

    /// <summary>The event: theme and agenda (local times) as its description, the venue or link as its place.</summary>
    public static CalendarEvent EventOf(Meeting meeting, TimeZoneInfo zone, DateTimeOffset now)
    {
        var description = new StringBuilder($"Tema: {meeting.Theme}");
        foreach (var item in meeting.Agenda.OrderBy(a => a.Position))
        {
            description.Append('\n').Append(TimeZoneInfo.ConvertTime(item.StartsAt(meeting), zone).ToString("HH.mm", CultureInfo.InvariantCulture))
                .Append(' ').Append(item.Title);
            if (item.Responsible is { } responsible)
            {
                description.Append(" – ").Append(responsible);
            }
        }

        if (meeting.CancellationReason is { } reason)
        {
            description.Append("\nInställd: ").Append(reason);
        }

        return new CalendarEvent(CalendarUids.ForMeeting(meeting.Id), meeting.Sequence, meeting.StartsAt, meeting.EndsAt, meeting.Title, now)
        {
            Description = description.ToString(),
            Location = meeting.Venue ?? meeting.OnlineLink,
            Url = Uri.TryCreate(meeting.OnlineLink, UriKind.Absolute, out var link) ? link : null,
            Status = meeting.Status switch
            {
                MeetingStatus.Cancelled => CalendarEventStatus.Cancelled,
                MeetingStatus.Draft => CalendarEventStatus.Tentative,
                _ => CalendarEventStatus.Confirmed,
            },
        };
    }
}
