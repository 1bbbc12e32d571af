using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Portal.Team;

// What the team and politician pages read from the services, as the services send it. Enums the
// contracts do not share travel as their names (strings), which is how the services write them.

/// <summary>One of the signed-in person's invitations (Meetings: GET invitations/mine).</summary>
public sealed record MyInvitation(
    Guid Id,
    Guid MeetingId,
    int MeetingNumber,
    string Title,
    string Theme,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Venue,
    string? OnlineLink,
    string MeetingStatus,
    InvitationAnswer Answer,
    string? Comment,
    AttendanceStatus? Attendance,
    long Version);

public sealed record AnswerInvitation(InvitationAnswer Answer, string? Comment, long Version);

/// <summary>The personal calendar feed's address; shown once, because the service keeps only its hash.</summary>
public sealed record CalendarFeed(string Url, DateTimeOffset CreatedAt);
