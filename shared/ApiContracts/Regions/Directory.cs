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
    long Version);

/// <summary><c>ExpectedKeyOfficials</c> defaults to four, as the programme's own description says.</summary>
public sealed record RegisterProgrammeRequest(
    [property: Required, StringLength(NameMaxLength, MinimumLength = NameMinLength)] string Name,
    [property: Required] DateOnly? StartsOn,
    [property: Required] DateOnly? EndsOn,
    [property: Range(1, MaxExpectedKeyOfficials)] int? ExpectedKeyOfficials);

public sealed record UpdateProgrammeRequest(
    [property: Required, StringLength(NameMaxLength, MinimumLength = NameMinLength)] string Name,
    [property: Required] DateOnly? StartsOn,
    [property: Required] DateOnly? EndsOn,
    [property: Required, Range(1, MaxExpectedKeyOfficials)] int? ExpectedKeyOfficials,
    [property: Range(1, long.MaxValue)] long Version);

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
