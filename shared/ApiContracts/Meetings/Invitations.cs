using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Meetings.ApiContracts;

public sealed record InvitationResponse(
    Guid Id,
    Guid MeetingId,
    Guid PersonId,
    string? Name,
    Guid? RegionId,
    string? RegionName,
    TeamRole? Role,
    InvitationAnswer Answer,
    string? Comment,
    DateTimeOffset? AnsweredAt,
    AttendanceStatus? Attendance,
    bool Withdrawn,
    long Version,
    string? OrganisationName = null);

/// <summary>One of the caller's team and their answer to a meeting's invitation (no comment: that is for the organisers).</summary>
public sealed record TeamAnswerResponse(
    Guid PersonId,
    string? Name,
    Guid RegionId,
    string? RegionName,
    TeamRole? Role,
    InvitationAnswer Answer,
    DateTimeOffset? AnsweredAt);

public sealed record MyInvitationResponse(
    Guid Id,
    Guid MeetingId,
    int MeetingNumber,
    string Title,
    string Theme,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Venue,
    string? OnlineLink,
    MeetingStatus MeetingStatus,
    InvitationAnswer Answer,
    string? Comment,
    AttendanceStatus? Attendance,
    long Version);

public sealed record AnswerInvitationRequest(
    [property: Required] InvitationAnswer? Answer,
    [property: StringLength(1000)] string? Comment,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record AnswerResponse(Guid InvitationId, Guid MeetingId, InvitationAnswer Answer, string? Comment, DateTimeOffset? AnsweredAt, long Version);

/// <summary>An answer link's token and answer, posted by an API client instead of the confirm page.</summary>
public sealed record OneClickAnswerRequest(
    [property: Required] string? Token,
    [property: Required] string? Answer,
    [property: StringLength(1000)] string? Comment);
