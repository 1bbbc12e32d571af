namespace KollegialtUtbyte.Meetings.Application;

/// <summary>What the meeting events carry about a meeting, kept complete for the mails and calendars built from them.</summary>
public static class EventData
{
    public static MeetingDetails Details(Meeting meeting, ProgrammeCalendar programme) => new(
        meeting.Id,
        meeting.ProgrammeId,
        meeting.Number,
        meeting.Title,
        meeting.Theme,
        meeting.StartsAt.ToUniversalTime(),
        meeting.EndsAt.ToUniversalTime(),
        programme.TimeZone,
        meeting.Venue,
        meeting.OnlineLink,
        meeting.Sequence);
}
