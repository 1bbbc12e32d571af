using System.Globalization;

namespace KollegialtUtbyte.Meetings.Api;

internal static class HttpSupport
{
    public static async Task<Meeting> MeetingAsync(this MeetingsDb db, Guid meetingId, CancellationToken cancellationToken) =>
        await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
        ?? throw new ResourceNotFoundException("Meeting", meetingId);

    /// <summary>The newest revision of a meeting's documentation (draft or approved), or null before it is started.</summary>
    public static Task<MeetingDocumentation?> LatestDocumentationOrNullAsync(this MeetingsDb db, Guid meetingId, CancellationToken cancellationToken) =>
        db.Documentation.AsSplitQuery().Where(d => d.MeetingId == meetingId).OrderByDescending(d => d.Revision).FirstOrDefaultAsync(cancellationToken);

    public static async Task<MeetingDocumentation> LatestDocumentationAsync(this MeetingsDb db, Guid meetingId, CancellationToken cancellationToken) =>
        await db.LatestDocumentationOrNullAsync(meetingId, cancellationToken)
        ?? throw new ResourceNotFoundException("Documentation of meeting", meetingId);

    public static async Task<ProgrammeCalendar> ProgrammeAsync(this MeetingsDb db, Guid programmeId, CancellationToken cancellationToken) =>
        await db.Programmes.FindAsync([programmeId], cancellationToken)
        ?? throw new ResourceNotFoundException("Programme", programmeId);

    /// <summary>A time shown in the programme's time zone (stored in UTC).</summary>
    public static DateTimeOffset InZone(this DateTimeOffset value, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(value, zone);
}
