using ExchangeFormat = KollegialtUtbyte.Contracts.ExchangeFormat;

namespace KollegialtUtbyte.Meetings.ApiContracts;

public sealed record ProgrammeCalendarResponse(
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
    long Version,
    ExchangeFormat Format = ExchangeFormat.Programme,
    string? Question = null,
    Guid? LeaderPersonId = null,
    Guid? ConvenerPersonId = null,
    Guid? SecretaryPersonId = null);

public sealed record ChangeCalendarRequest(
    [property: Required, StringLength(64)] string TimeZone,
    [property: Required, MaxLength(20), ListItems(MaxLength = 200)] List<string> Themes,
    [property: Range(1, 50)] int PlannedMeetings,
    [property: Range(typeof(decimal), "0.0001", "1")] decimal PoliticianShare,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record PublishPlanRequest([property: Range(1, long.MaxValue)] long Version);

public sealed record PublishPlanResponse(Guid ProgrammeId, IReadOnlyList<Guid> PublishedMeetingIds, int InvitationsIssued, long Version);
