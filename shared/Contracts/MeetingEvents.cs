namespace KollegialtUtbyte.Contracts;

// Published by the Meetings service.

/// <summary>What a mail or calendar entry needs to describe a meeting.</summary>
public sealed record MeetingDetails(
    Guid MeetingId,
    Guid ProgrammeId,
    int Number,
    string Title,
    string Theme,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string? Venue,
    string? OnlineLink,
    int Sequence);

public sealed record MeetingScheduled(
    MeetingDetails Meeting,
    IReadOnlyList<Guid> FacilitatorIds,
    DateTimeOffset OccurredAt);

/// <summary>Time, place or theme changed. <c>Meeting.Sequence</c> is higher than before once the meeting is published.</summary>
public sealed record MeetingRescheduled(
    MeetingDetails Meeting,
    IReadOnlyList<Guid> FacilitatorIds,
    DateTimeOffset OccurredAt);

public sealed record MeetingCancelled(
    MeetingDetails Meeting,
    string? Reason,
    DateTimeOffset OccurredAt);

public sealed record MeetingPlanPublished(
    Guid ProgrammeId,
    IReadOnlyList<Guid> MeetingIds,
    DateTimeOffset OccurredAt);

public sealed record MeetingHeld(
    Guid MeetingId,
    Guid ProgrammeId,
    DateTimeOffset OccurredAt);

/// <summary>
/// A person was invited. <c>AnswerToken</c> is the raw one-click token (Meetings stores only its hash);
/// it is meant for the invitee's mail only and must never be logged.
/// </summary>
public sealed record InvitationIssued(
    Guid InvitationId,
    MeetingDetails Meeting,
    Guid PersonId,
    Guid? RegionId,
    TeamRole? Role,
    [property: LinkSecret] string AnswerToken,
    DateTimeOffset AnswerTokenExpiresAt,
    DateTimeOffset OccurredAt);

public sealed record InvitationWithdrawn(
    Guid InvitationId,
    MeetingDetails Meeting,
    Guid PersonId,
    DateTimeOffset OccurredAt);

public sealed record InvitationAnswered(
    Guid InvitationId,
    Guid MeetingId,
    Guid ProgrammeId,
    Guid PersonId,
    InvitationAnswer Answer,
    string? Comment,
    DateTimeOffset OccurredAt);

public sealed record AttendanceRecorded(
    Guid MeetingId,
    Guid ProgrammeId,
    Guid PersonId,
    Guid? RegionId,
    AttendanceStatus Status,
    DateTimeOffset OccurredAt);

/// <summary>
/// A region's politician's quota changed status: <c>AtRisk</c> when the meetings left are just
/// enough to reach the required attendance, <c>Unreachable</c> when they no longer are.
/// </summary>
public sealed record PoliticianQuotaStatusChanged(
    Guid ProgrammeId,
    Guid RegionId,
    string RegionName,
    Guid PersonId,
    string PoliticianName,
    QuotaStatus Status,
    int Accepted,
    int Attended,
    int Required,
    int StillPossible,
    DateTimeOffset OccurredAt);

public sealed record MeetingDocumentationApproved(
    Guid MeetingId,
    Guid ProgrammeId,
    Guid DocumentationId,
    int Version,
    string RegistryNumber,
    Guid ApprovedByPersonId,
    string ApprovedByName,
    DateTimeOffset ApprovedAt,
    DateTimeOffset OccurredAt);
