using static KollegialtUtbyte.Regions.ApiContracts.RegionsLimits;

namespace KollegialtUtbyte.Regions.ApiContracts;

// Personal-data exports (GDPR art. 15 and 20) and erasures (art. 17).

/// <summary>Whether a service has answered an export, and when.</summary>
public sealed record PersonalDataExportServiceResponse(string Service, bool Answered, DateTimeOffset? AnsweredAt);

/// <summary>An export's progress; <c>ArchiveUrl</c> once it can be downloaded (complete, or incomplete after its deadline).</summary>
public sealed record PersonalDataExportResponse(
    Guid Id,
    Guid PersonId,
    PersonalDataExportState State,
    DateTimeOffset RequestedAt,
    DateTimeOffset DeadlineAt,
    IReadOnlyList<PersonalDataExportServiceResponse> Services,
    string? ArchiveUrl);

public sealed record RequestErasureRequest([property: StringLength(ErasureReasonMaxLength)] string? Reason);

public sealed record DecideErasureRequest(
    [property: Required] bool? Approve,
    [property: StringLength(ErasureReasonMaxLength)] string? Reason);

/// <summary>Whether a service has answered that it erased the person, and when.</summary>
public sealed record PersonalDataErasureServiceResponse(string Service, bool Erased, DateTimeOffset? ErasedAt);

/// <summary>An erasure and its progress; <c>PersonName</c> is the pseudonym once it is approved.</summary>
public sealed record PersonalDataErasureResponse(
    Guid Id,
    Guid PersonId,
    string PersonName,
    PersonalDataErasureState State,
    DateTimeOffset RequestedAt,
    bool RequestedBySelf,
    string? Reason,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    IReadOnlyList<PersonalDataErasureServiceResponse> Services);
