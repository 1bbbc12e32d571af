using KollegialtUtbyte.ApiContracts;
using static KollegialtUtbyte.Regions.ApiContracts.RegionsRoutes;

namespace KollegialtUtbyte.Regions.ApiContracts;

/// <summary>
/// Regions' typed client: one method per operation, answering the service's own records, or the
/// problem it reported. The <see cref="HttpClient"/> given carries the base address, the access
/// token and the resilience policy of its caller. Lists are paged (<c>page</c>, <c>pageSize</c>
/// up to 100, <c>search</c>).
/// </summary>
public sealed class RegionsApi(HttpClient http) : ApiClient(http)
{
    // Regions and organisations.

    public Task<ApiResult<PagedList<RegionResponse>>> RegionsAsync(int? page = null, int? pageSize = null, string? search = null, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<RegionResponse>>(Paged(PathOf(RegionList), page, pageSize, search), cancellationToken);

    public Task<ApiResult<RegionResponse>> RegionAsync(Guid regionId, CancellationToken cancellationToken = default) =>
        GetAsync<RegionResponse>(PathOf(Region, regionId), cancellationToken);

    public Task<ApiResult<RegionResponse>> RegisterRegionAsync(RegisterRegionRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<RegionResponse>(PathOf(RegionList), request, cancellationToken);

    public Task<ApiResult<RegionResponse>> UpdateRegionAsync(Guid regionId, UpdateRegionRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<RegionResponse>(PathOf(Region, regionId), request, cancellationToken);

    public Task<ApiResult<PagedList<OrganisationResponse>>> OrganisationsAsync(
        OrganisationKind? kind = null, int? page = null, int? pageSize = null, string? search = null, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<OrganisationResponse>>(Paged(PathOf(Organisations), page, pageSize, search, ("kind", kind)), cancellationToken);

    public Task<ApiResult<OrganisationResponse>> OrganisationAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        GetAsync<OrganisationResponse>(PathOf(Organisation, organisationId), cancellationToken);

    public Task<ApiResult<OrganisationResponse>> RegisterOrganisationAsync(RegisterOrganisationRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<OrganisationResponse>(PathOf(Organisations), request, cancellationToken);

    public Task<ApiResult<OrganisationResponse>> UpdateOrganisationAsync(Guid organisationId, UpdateOrganisationRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<OrganisationResponse>(PathOf(Organisation, organisationId), request, cancellationToken);

    // People.

    public Task<ApiResult<PagedList<PersonResponse>>> PeopleAsync(
        Guid? regionId = null, Guid? organisationId = null, Guid? programmeId = null, DirectoryRole? role = null,
        int? page = null, int? pageSize = null, string? search = null, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<PersonResponse>>(
            Paged(PathOf(People), page, pageSize, search, ("regionId", regionId), ("organisationId", organisationId), ("programmeId", programmeId), ("role", role)),
            cancellationToken);

    /// <summary>The signed-in person's own entry.</summary>
    public Task<ApiResult<PersonResponse>> MeAsync(CancellationToken cancellationToken = default) =>
        GetAsync<PersonResponse>(PathOf(Me), cancellationToken);

    public Task<ApiResult<PersonResponse>> PersonAsync(Guid personId, CancellationToken cancellationToken = default) =>
        GetAsync<PersonResponse>(PathOf(Person, personId), cancellationToken);

    public Task<ApiResult<PersonResponse>> RegisterPersonAsync(RegisterPersonRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<PersonResponse>(PathOf(People), request, cancellationToken);

    public Task<ApiResult<PersonResponse>> UpdatePersonAsync(Guid personId, UpdatePersonRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<PersonResponse>(PathOf(Person, personId), request, cancellationToken);

    public Task<ApiResult<List<EmailChangeAuditResponse>>> EmailChangesAsync(Guid personId, CancellationToken cancellationToken = default) =>
        GetAsync<List<EmailChangeAuditResponse>>(PathOf(EmailChanges, personId), cancellationToken);

    // Programmes and their teams.

    /// <summary>Programmes, newest first; with <paramref name="regionId"/> those the region takes part in.</summary>
    public Task<ApiResult<PagedList<ProgrammeResponse>>> ProgrammesAsync(
        Guid? regionId = null, int? page = null, int? pageSize = null, string? search = null, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<ProgrammeResponse>>(Paged(PathOf(Programmes), page, pageSize, search, ("regionId", regionId)), cancellationToken);

    public Task<ApiResult<ProgrammeResponse>> ProgrammeAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<ProgrammeResponse>(PathOf(Programme, programmeId), cancellationToken);

    public Task<ApiResult<ProgrammeResponse>> RegisterProgrammeAsync(RegisterProgrammeRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<ProgrammeResponse>(PathOf(Programmes), request, cancellationToken);

    public Task<ApiResult<ProgrammeResponse>> UpdateProgrammeAsync(Guid programmeId, UpdateProgrammeRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<ProgrammeResponse>(PathOf(Programme, programmeId), request, cancellationToken);

    public Task<ApiResult<TeamSummaryResponse>> JoinProgrammeAsync(Guid programmeId, JoinProgrammeRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<TeamSummaryResponse>(PathOf(ProgrammeRegions, programmeId), request, cancellationToken);

    public Task<ApiResult<object>> LeaveProgrammeAsync(Guid programmeId, Guid regionId, CancellationToken cancellationToken = default) =>
        DeleteAsync(PathOf(ProgrammeRegion, programmeId, regionId), cancellationToken);

    // Participants of strategic dialogues and member networks, and the networks' member organisations.

    public Task<ApiResult<List<ExchangeParticipantResponse>>> ExchangeParticipantsAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<List<ExchangeParticipantResponse>>(PathOf(ExchangeParticipants, programmeId), cancellationToken);

    public Task<ApiResult<ExchangeParticipantResponse>> AddExchangeParticipantAsync(Guid programmeId, AddExchangeParticipantRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<ExchangeParticipantResponse>(PathOf(ExchangeParticipants, programmeId), request, cancellationToken);

    public Task<ApiResult<object>> RemoveExchangeParticipantAsync(Guid programmeId, Guid personId, CancellationToken cancellationToken = default) =>
        DeleteAsync(PathOf(ExchangeParticipant, programmeId, personId), cancellationToken);

    public Task<ApiResult<List<ExchangeMemberResponse>>> ExchangeMembersAsync(Guid programmeId, CancellationToken cancellationToken = default) =>
        GetAsync<List<ExchangeMemberResponse>>(PathOf(ExchangeMembers, programmeId), cancellationToken);

    public Task<ApiResult<ExchangeMemberResponse>> JoinExchangeAsync(Guid programmeId, JoinExchangeRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<ExchangeMemberResponse>(PathOf(ExchangeMembers, programmeId), request, cancellationToken);

    public Task<ApiResult<ExchangeMemberResponse>> LeaveExchangeAsync(Guid programmeId, Guid organisationId, LeaveExchangeRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<ExchangeMemberResponse>(PathOf(ExchangeMemberLeave, programmeId, organisationId), request, cancellationToken);

    public Task<ApiResult<PagedList<TeamSummaryResponse>>> TeamsAsync(
        Guid programmeId, int? page = null, int? pageSize = null, string? search = null, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<TeamSummaryResponse>>(Paged(PathOf(Teams, programmeId), page, pageSize, search), cancellationToken);

    public Task<ApiResult<TeamResponse>> TeamAsync(Guid programmeId, Guid regionId, CancellationToken cancellationToken = default) =>
        GetAsync<TeamResponse>(PathOf(Team, programmeId, regionId), cancellationToken);

    public Task<ApiResult<TeamResponse>> AddTeamMemberAsync(Guid programmeId, Guid regionId, AddTeamMemberRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<TeamResponse>(PathOf(TeamMembers, programmeId, regionId), request, cancellationToken);

    public Task<ApiResult<TeamResponse>> ChangeTeamMemberAsync(
        Guid programmeId, Guid regionId, Guid personId, ChangeTeamMemberRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<TeamResponse>(PathOf(TeamMember, programmeId, regionId, personId), request, cancellationToken);

    public Task<ApiResult<object>> RemoveTeamMemberAsync(Guid programmeId, Guid regionId, Guid personId, CancellationToken cancellationToken = default) =>
        DeleteAsync(PathOf(TeamMember, programmeId, regionId, personId), cancellationToken);

    // Facilitators and working groups.

    public Task<ApiResult<PagedList<FacilitatorResponse>>> FacilitatorsAsync(
        Guid? organisationId = null, int? page = null, int? pageSize = null, string? search = null, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<FacilitatorResponse>>(Paged(PathOf(Facilitators), page, pageSize, search, ("organisationId", organisationId)), cancellationToken);

    public Task<ApiResult<FacilitatorResponse>> AddFacilitatorAsync(AddFacilitatorRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<FacilitatorResponse>(PathOf(Facilitators), request, cancellationToken);

    public Task<ApiResult<object>> RemoveFacilitatorAsync(Guid personId, CancellationToken cancellationToken = default) =>
        DeleteAsync(PathOf(Facilitator, personId), cancellationToken);

    public Task<ApiResult<PagedList<WorkingGroupResponse>>> WorkingGroupsAsync(
        Guid programmeId, Guid? regionId = null, bool? includeDisbanded = null, int? page = null, int? pageSize = null, string? search = null,
        CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<WorkingGroupResponse>>(
            Paged(PathOf(WorkingGroups, programmeId), page, pageSize, search, ("regionId", regionId), ("includeDisbanded", includeDisbanded)), cancellationToken);

    public Task<ApiResult<WorkingGroupResponse>> WorkingGroupAsync(Guid workingGroupId, CancellationToken cancellationToken = default) =>
        GetAsync<WorkingGroupResponse>(PathOf(WorkingGroup, workingGroupId), cancellationToken);

    public Task<ApiResult<WorkingGroupResponse>> FormWorkingGroupAsync(Guid programmeId, FormWorkingGroupRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<WorkingGroupResponse>(PathOf(WorkingGroups, programmeId), request, cancellationToken);

    public Task<ApiResult<WorkingGroupResponse>> ChangeWorkingGroupAsync(Guid workingGroupId, ChangeWorkingGroupRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<WorkingGroupResponse>(PathOf(WorkingGroup, workingGroupId), request, cancellationToken);

    public Task<ApiResult<WorkingGroupResponse>> DisbandWorkingGroupAsync(Guid workingGroupId, DisbandWorkingGroupRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<WorkingGroupResponse>(PathOf(DisbandWorkingGroup, workingGroupId), request, cancellationToken);

    // Personal-data exports and erasures.

    /// <summary>The person's exports, newest first.</summary>
    public Task<ApiResult<List<PersonalDataExportResponse>>> PersonalDataExportsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        GetAsync<List<PersonalDataExportResponse>>(PathOf(PersonalDataExports, personId), cancellationToken);

    public Task<ApiResult<PersonalDataExportResponse>> RequestPersonalDataExportAsync(Guid personId, CancellationToken cancellationToken = default) =>
        PostAsync<PersonalDataExportResponse>(PathOf(PersonalDataExports, personId), null, cancellationToken);

    public Task<ApiResult<PersonalDataExportResponse>> PersonalDataExportAsync(Guid exportId, CancellationToken cancellationToken = default) =>
        GetAsync<PersonalDataExportResponse>(PathOf(PersonalDataExport, exportId), cancellationToken);

    public Task<ApiResult<PersonalDataExportResponse>> RetryPersonalDataExportAsync(Guid exportId, CancellationToken cancellationToken = default) =>
        PostAsync<PersonalDataExportResponse>(PathOf(RetryPersonalDataExport, exportId), null, cancellationToken);

    /// <summary>The path of an export's archive (a zip); downloads stream, so the caller sends them.</summary>
    public static string ArchivePath(Guid exportId) => PathOf(PersonalDataExportArchive, exportId);

    /// <summary>The person's erasures, newest first.</summary>
    public Task<ApiResult<List<PersonalDataErasureResponse>>> PersonErasuresAsync(Guid personId, CancellationToken cancellationToken = default) =>
        GetAsync<List<PersonalDataErasureResponse>>(PathOf(PersonErasures, personId), cancellationToken);

    /// <summary>Asks for an erasure; an open one is answered instead of a second.</summary>
    public Task<ApiResult<PersonalDataErasureResponse>> RequestErasureAsync(Guid personId, RequestErasureRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<PersonalDataErasureResponse>(PathOf(PersonErasures, personId), request, cancellationToken);

    /// <summary>Every erasure, newest first, optionally in one state (administrators).</summary>
    public Task<ApiResult<PagedList<PersonalDataErasureResponse>>> ErasuresAsync(
        PersonalDataErasureState? state = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<PagedList<PersonalDataErasureResponse>>(RouteTemplate.Query(PathOf(Erasures), ("state", state), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<ApiResult<PersonalDataErasureResponse>> ErasureAsync(Guid erasureId, CancellationToken cancellationToken = default) =>
        GetAsync<PersonalDataErasureResponse>(PathOf(Erasure, erasureId), cancellationToken);

    public Task<ApiResult<PersonalDataErasureResponse>> DecideErasureAsync(Guid erasureId, DecideErasureRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<PersonalDataErasureResponse>(PathOf(ErasureDecision, erasureId), request, cancellationToken);

    private Task<ApiResult<object>> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync<object>(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    private static string Paged(string path, int? page, int? pageSize, string? search, params (string Name, object? Value)[] filters) =>
        RouteTemplate.Query(path, [.. filters, ("search", search), ("page", page), ("pageSize", pageSize)]);
}
