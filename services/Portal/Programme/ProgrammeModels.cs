using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Portal.Programme;

// The shapes the administrator and facilitator pages read from the Meetings service. Enums the
// portal does not own travel as strings, so a new value in the service never breaks a page.

public sealed record PublishPlanResult(Guid ProgrammeId, IReadOnlyList<Guid> PublishedMeetingIds, int InvitationsIssued, long Version);

public sealed record MeetingFacilitator(Guid PersonId, string? Name, string? Organisation);

public sealed record AgendaItem(
    Guid Id,
    string Kind,
    string Title,
    string? Responsible,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    IReadOnlyList<string> Questions);

public sealed record ProgrammeMeeting(
    Guid Id,
    Guid ProgrammeId,
    int Number,
    string Title,
    string Theme,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string? Venue,
    string? OnlineLink,
    string Status,
    int Sequence,
    string? CancellationReason,
    IReadOnlyList<MeetingFacilitator> Facilitators,
    IReadOnlyList<AgendaItem> Agenda,
    long Version)
{
    public bool IsCancelled => Status == "Cancelled";
}

/// <summary>What the portal sends to schedule (Version null) or reschedule a meeting.</summary>
public sealed record MeetingPlanRequest(
    int? Number,
    string? Title,
    string Theme,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Venue,
    string? OnlineLink,
    List<Guid> FacilitatorIds,
    long? Version);

public sealed record CancelMeetingRequest(string? Reason, long Version);

public sealed record Tally(int Invited, int Accepted, int? Present);

public sealed record RegionRepresentation(
    Guid RegionId,
    string RegionName,
    Tally ProjectLeaders,
    Tally KeyOfficials,
    int ExpectedKeyOfficials,
    Tally Politicians,
    bool ProjectLeaderThere,
    int KeyOfficialsThere,
    bool PoliticianThere);

public sealed record MeetingRepresentation(Guid MeetingId, bool AttendanceTaken, IReadOnlyList<RegionRepresentation> Regions);

public sealed record DocumentationPoint(string Number, int Level, string Text, string? Decision);

public sealed record WorkshopOutcome(string Question, string Outcome);

public sealed record DocumentationDetails(
    Guid Id,
    Guid MeetingId,
    int Revision,
    string Status,
    string? Summary,
    IReadOnlyList<DocumentationPoint> Points,
    IReadOnlyList<WorkshopOutcome> WorkshopOutcomes,
    string? CorrectionReason,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    string? RegistryNumber,
    long Version)
{
    public bool IsApproved => Status == "Approved";
}

public sealed record StatisticsCell(string Group, int? Count);

public sealed record MeetingStatistics(
    Guid MeetingId,
    int Number,
    string Title,
    DateTimeOffset StartsAt,
    IReadOnlyList<StatisticsCell> ByStatus,
    IReadOnlyList<StatisticsCell> PresentByRegion,
    IReadOnlyList<StatisticsCell> PresentByRole,
    IReadOnlyList<StatisticsCell> PresentByGender);

public sealed record ProgrammeStatisticsCell(string Dimension, string Group, int? People, int? Attendances);

public sealed record StatisticsReport(IReadOnlyList<MeetingStatistics> Meetings, IReadOnlyList<ProgrammeStatisticsCell> Programme);

public sealed record Invitee(
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
    long Version);
