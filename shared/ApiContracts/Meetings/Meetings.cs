namespace KollegialtUtbyte.Meetings.ApiContracts;

public sealed record FacilitatorResponse(Guid PersonId, string? Name, string? Organisation);

public sealed record AgendaItemResponse(
    Guid Id,
    AgendaItemKind Kind,
    string Title,
    string? Responsible,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    IReadOnlyList<string> Questions);

public sealed record MeetingResponse(
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
    MeetingStatus Status,
    int Sequence,
    string? CancellationReason,
    IReadOnlyList<FacilitatorResponse> Facilitators,
    IReadOnlyList<AgendaItemResponse> Agenda,
    long Version);

public sealed record ScheduleMeetingRequest(
    [property: Range(1, 50)] int? Number,
    [property: StringLength(300)] string? Title,
    [property: Required, StringLength(200)] string Theme,
    [property: Required] DateTimeOffset? StartsAt,
    [property: Required] DateTimeOffset? EndsAt,
    [property: StringLength(300)] string? Venue,
    [property: Url, StringLength(1000)] string? OnlineLink,
    [property: MaxLength(10)] List<Guid>? FacilitatorIds);

public sealed record RescheduleMeetingRequest(
    [property: Range(1, 50)] int? Number,
    [property: StringLength(300)] string? Title,
    [property: Required, StringLength(200)] string Theme,
    [property: Required] DateTimeOffset? StartsAt,
    [property: Required] DateTimeOffset? EndsAt,
    [property: StringLength(300)] string? Venue,
    [property: Url, StringLength(1000)] string? OnlineLink,
    [property: MaxLength(10)] List<Guid>? FacilitatorIds,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record CancelMeetingRequest([property: StringLength(1000)] string? Reason, [property: Range(1, long.MaxValue)] long Version);

public sealed record MeetingVersionRequest([property: Range(1, long.MaxValue)] long Version);

public sealed record AgendaItemRequest(
    [property: Required] AgendaItemKind? Kind,
    [property: Required, StringLength(300)] string Title,
    [property: StringLength(300)] string? Responsible,
    [property: Required] DateTimeOffset? StartsAt,
    [property: Range(1, 24 * 60)] int DurationMinutes,
    [property: MaxLength(30), ListItems(MaxLength = 1000)] List<string>? Questions);

public sealed record ChangeAgendaRequest(
    [property: Required, MaxLength(60), ListItems] List<AgendaItemRequest> Items,
    [property: Range(1, long.MaxValue)] long Version);

/// <summary>The address of the signed-in person's calendar feed; shown once, because the service keeps only its hash.</summary>
public sealed record CalendarFeedResponse(string Url, DateTimeOffset CreatedAt);
