using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Portal.Gateway;

// Shapes that pages of more than one area read from the services, as the services send them.

/// <summary>A programme's calendar (Meetings: GET programmes).</summary>
public sealed record ProgrammeCalendar(
    Guid Id,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string TimeZone,
    IReadOnlyList<string> Themes,
    int PlannedMeetings,
    decimal PoliticianShare,
    int RequiredAttendance,
    int ExpectedKeyOfficials,
    DateTimeOffset? PlanPublishedAt,
    long Version);

/// <summary>A politician's quota in one programme (Meetings: the quota board and "my quota").</summary>
public sealed record PoliticianQuota(
    Guid PersonId,
    string Name,
    Guid RegionId,
    string RegionName,
    int Meetings,
    int Required,
    int Accepted,
    int Attended,
    int Secured,
    int StillPossible,
    bool Met,
    QuotaStatus Status);
