namespace KollegialtUtbyte.Calendar;

/// <summary>
/// Calendar UIDs shared by every producer of calendar data (the Meetings feed and .ics downloads,
/// the Notifications mails), so that a client sees one event per meeting, updated in place.
/// </summary>
public static class CalendarUids
{
    public static string ForMeeting(Guid meetingId) => $"meeting-{meetingId:N}@kollegialt-utbyte";
}
