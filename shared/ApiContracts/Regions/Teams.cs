namespace KollegialtUtbyte.Regions.ApiContracts;

/// <summary>A team against the programme's expectation, e.g. "3 of 4 key officials".</summary>
public sealed record CompletenessResponse(
    int ProjectLeaders,
    int KeyOfficials,
    int ExpectedKeyOfficials,
    bool HasPolitician,
    bool HasSubstitutePolitician,
    bool IsComplete,
    string Summary,
    string SummaryEnglish,
    IReadOnlyList<string> Missing);

/// <summary>A team member with the contact details the caller may see (see <see cref="PersonResponse"/>).</summary>
public sealed record TeamMemberResponse(
    Guid PersonId,
    string Name,
    string? Title,
    TeamRole Role,
    string? Email,
    string? Phone,
    bool ContactHidden,
    string PreferredLanguage,
    DateTimeOffset JoinedAt);

public sealed record TeamResponse(
    Guid ProgrammeId,
    string ProgrammeName,
    Guid RegionId,
    string RegionName,
    IReadOnlyList<TeamMemberResponse> Members,
    CompletenessResponse Completeness,
    DateTimeOffset JoinedAt,
    long Version);

/// <summary>A region's participation in a programme, in lists.</summary>
public sealed record TeamSummaryResponse(
    Guid ProgrammeId,
    Guid RegionId,
    string RegionName,
    string CountyCode,
    int MemberCount,
    CompletenessResponse Completeness,
    DateTimeOffset JoinedAt,
    long Version);

/// <summary><c>Version</c> is optional: when given, the team must still be at that version.</summary>
public sealed record AddTeamMemberRequest(
    [property: Required] Guid? PersonId,
    [property: Required, EnumDataType(typeof(TeamRole))] TeamRole? Role,
    [property: Range(1, long.MaxValue)] long? Version);

public sealed record ChangeTeamMemberRequest(
    [property: Required, EnumDataType(typeof(TeamRole))] TeamRole? Role,
    [property: Range(1, long.MaxValue)] long Version);
