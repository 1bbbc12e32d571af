using static KollegialtUtbyte.Regions.ApiContracts.RegionsLimits;

namespace KollegialtUtbyte.Regions.ApiContracts;

// Regions, organisations, programmes, facilitators and working groups.

public sealed record RegionResponse(Guid Id, string Name, string CountyCode, string? County, long Version);

public sealed record RegisterRegionRequest(
    [property: Required, StringLength(NameMaxLength, MinimumLength = NameMinLength)] string Name,
    [property: Required, RegularExpression("^[0-9]{2}$", ErrorMessage = "Länskoden är två siffror, t.ex. 17.")] string CountyCode);

public sealed record UpdateRegionRequest(
    [property: Required, StringLength(NameMaxLength, MinimumLength = NameMinLength)] string Name,
    [property: Required, RegularExpression("^[0-9]{2}$", ErrorMessage = "Länskoden är två siffror, t.ex. 17.")] string CountyCode,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record OrganisationResponse(Guid Id, string Name, OrganisationKind Kind, long Version);

public sealed record RegisterOrganisationRequest(
    [property: Required, StringLength(NameMaxLength, MinimumLength = NameMinLength)] string Name,
    [property: Required, EnumDataType(typeof(OrganisationKind))] OrganisationKind? Kind);

public sealed record UpdateOrganisationRequest(
    [property: Required, StringLength(NameMaxLength, MinimumLength = NameMinLength)] string Name,
    [property: Required, EnumDataType(typeof(OrganisationKind))] OrganisationKind? Kind,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record ProgrammeResponse(
    Guid Id,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int ExpectedKeyOfficials,
    IReadOnlyList<TeamSummaryResponse> Regions,
    long Version,
    ExchangeFormat Format = ExchangeFormat.Programme,
    string? Question = null,
    ExchangePersonResponse? Leader = null,
    ExchangePersonResponse? Convener = null,
    ExchangePersonResponse? Secretary = null);

/// <summary>A person named in one of an exchange's roles: a dialogue's leader, a network's convener or secretary.</summary>
public sealed record ExchangePersonResponse(Guid PersonId, string Name, string? Title, string? OrganisationName);

/// <summary>
/// Registers an exchange. <c>Format</c> defaults to a programme, whose <c>ExpectedKeyOfficials</c>
/// defaults to four, as the programme's own description says. A strategic dialogue needs its
/// <c>Question</c> and its <c>LeaderPersonId</c>; a member network its <c>ConvenerPersonId</c> and
/// <c>SecretaryPersonId</c>. The format never changes afterwards.
/// </summary>
public sealed record RegisterProgrammeRequest(
    [property: Required, StringLength(NameMaxLength, MinimumLength = NameMinLength)] string Name,
    [property: Required] DateOnly? StartsOn,
    [property: Required] DateOnly? EndsOn,
    [property: Range(1, MaxExpectedKeyOfficials)] int? ExpectedKeyOfficials,
    [property: EnumDataType(typeof(ExchangeFormat))] ExchangeFormat? Format = null,
    [property: StringLength(QuestionMaxLength)] string? Question = null,
    Guid? LeaderPersonId = null,
    Guid? ConvenerPersonId = null,
    Guid? SecretaryPersonId = null);

/// <summary><c>ExpectedKeyOfficials</c> matters for programmes only; the roles and the question as for registering.</summary>
public sealed record UpdateProgrammeRequest(
    [property: Required, StringLength(NameMaxLength, MinimumLength = NameMinLength)] string Name,
    [property: Required] DateOnly? StartsOn,
    [property: Required] DateOnly? EndsOn,
    [property: Required, Range(1, MaxExpectedKeyOfficials)] int? ExpectedKeyOfficials,
    [property: Range(1, long.MaxValue)] long Version,
    [property: StringLength(QuestionMaxLength)] string? Question = null,
    Guid? LeaderPersonId = null,
    Guid? ConvenerPersonId = null,
    Guid? SecretaryPersonId = null);

/// <summary>Someone invited to a strategic dialogue or named by a member organisation to a network's meetings.</summary>
public sealed record ExchangeParticipantResponse(
    Guid PersonId,
    string Name,
    string? Title,
    Guid? OrganisationId,
    string? OrganisationName,
    OrganisationKind? OrganisationKind,
    Guid? RegionId,
    string? RegionName,
    DateTimeOffset AddedAt);

public sealed record AddExchangeParticipantRequest([property: Required] Guid? PersonId);

/// <summary>A member organisation of a network; <c>LeftOn</c> once it has left.</summary>
public sealed record ExchangeMemberResponse(Guid OrganisationId, string Name, OrganisationKind Kind, DateOnly JoinedOn, DateOnly? LeftOn);

public sealed record JoinExchangeRequest([property: Required] Guid? OrganisationId, [property: Required] DateOnly? JoinedOn);

public sealed record LeaveExchangeRequest([property: Required] DateOnly? LeftOn);

public sealed record JoinProgrammeRequest([property: Required] Guid? RegionId);

public sealed record FacilitatorResponse(
    Guid PersonId,
    string Name,
    string? Email,
    string? Phone,
    string? Title,
    Guid OrganisationId,
    string OrganisationName,
    string PreferredLanguage,
    DateTimeOffset AddedAt);

public sealed record AddFacilitatorRequest([property: Required] Guid? PersonId);

public sealed record WorkingGroupRegionResponse(Guid RegionId, string Name);

public sealed record WorkingGroupMemberResponse(Guid PersonId, string Name, Guid? RegionId, string? Title);

public sealed record WorkingGroupResponse(
    Guid Id,
    Guid ProgrammeId,
    string Topic,
    IReadOnlyList<WorkingGroupRegionResponse> Regions,
    IReadOnlyList<WorkingGroupMemberResponse> Members,
    bool Disbanded,
    DateTimeOffset FormedAt,
    long Version);

public sealed record FormWorkingGroupRequest(
    [property: Required, StringLength(WorkingGroupTopicMaxLength, MinimumLength = WorkingGroupTopicMinLength)] string Topic,
    [property: Required, MaxLength(MaxWorkingGroupRegions)] IReadOnlyList<Guid> RegionIds,
    [property: MaxLength(MaxWorkingGroupPeople)] IReadOnlyList<Guid>? PersonIds);

public sealed record ChangeWorkingGroupRequest(
    [property: Required, StringLength(WorkingGroupTopicMaxLength, MinimumLength = WorkingGroupTopicMinLength)] string Topic,
    [property: Required, MaxLength(MaxWorkingGroupRegions)] IReadOnlyList<Guid> RegionIds,
    [property: MaxLength(MaxWorkingGroupPeople)] IReadOnlyList<Guid>? PersonIds,
    [property: Range(1, long.MaxValue)] long Version);

public sealed record DisbandWorkingGroupRequest([property: Range(1, long.MaxValue)] long Version);
