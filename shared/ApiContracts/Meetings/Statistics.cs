namespace KollegialtUtbyte.Meetings.ApiContracts;

// Attendance statistics and the effects report. The service's domain builds the statistics
// records below directly (AttendanceStatistics), so they are declared once, here.

/// <summary>A count that is <c>null</c> when it is suppressed.</summary>
public sealed record StatisticsCell(string Group, int? Count);

/// <summary>One meeting's attendance; <c>PresentByOrganisation</c> counts those present without a region (empty for a programme).</summary>
public sealed record MeetingAttendanceStatistics(
    Guid MeetingId,
    int Number,
    string Title,
    DateTimeOffset StartsAt,
    IReadOnlyList<StatisticsCell> ByStatus,
    IReadOnlyList<StatisticsCell> PresentByRegion,
    IReadOnlyList<StatisticsCell> PresentByRole,
    IReadOnlyList<StatisticsCell> PresentByGender,
    IReadOnlyList<StatisticsCell>? PresentByOrganisation = null);

/// <summary>
/// Over the whole programme: how many different people were present, and how many attendances they
/// made. Participants without a region (a dialogue's or a network's) are counted in the dimension
/// "Organisation" instead of "Region".
/// </summary>
public sealed record ProgrammeCell(string Dimension, string Group, int? People, int? Attendances);

public sealed record AttendanceStatisticsReport(
    IReadOnlyList<MeetingAttendanceStatistics> Meetings,
    IReadOnlyList<ProgrammeCell> Programme);

public sealed record ThemeMeetings(string Theme, int Held);

/// <summary>A region's politicians against the quota: how many reached it, and the best attendance among them.</summary>
public sealed record RegionQuota(string RegionName, int Politicians, int MetQuota, int BestAttended, int Required);

public sealed record ActionCount(string RegionName, ActionStatus Status, int Count);

/// <summary>The meetings' part of a programme's effects report.</summary>
public sealed record MeetingsEffectsResponse(
    Guid ProgrammeId,
    string ProgrammeName,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<string> Regions,
    IReadOnlyList<ThemeMeetings> MeetingsPerTheme,
    IReadOnlyList<ProgrammeCell> AttendanceByRole,
    IReadOnlyList<ProgrammeCell> AttendanceByGender,
    IReadOnlyList<RegionQuota> PoliticianQuota,
    IReadOnlyList<ActionCount> Actions);
