using KollegialtUtbyte.ApiContracts;

namespace KollegialtUtbyte.Regions.ApiContracts;

/// <summary>
/// Regions' routes: the service maps these templates under <see cref="Prefix"/>, and
/// <see cref="RegionsApi"/> fills the same templates, so a route changes in one place.
/// </summary>
public static class RegionsRoutes
{
    public const string Prefix = "/api/regions";

    public const string RegionList = "/";
    public const string Region = "/{regionId:guid}";

    public const string Organisations = "/organisations";
    public const string Organisation = "/organisations/{organisationId:guid}";

    public const string People = "/people";
    public const string Me = "/people/me";
    public const string Person = "/people/{personId:guid}";
    public const string EmailChanges = "/people/{personId:guid}/email-changes";

    public const string Programmes = "/programmes";
    public const string Programme = "/programmes/{programmeId:guid}";
    public const string ProgrammeRegions = "/programmes/{programmeId:guid}/regions";
    public const string ProgrammeRegion = "/programmes/{programmeId:guid}/regions/{regionId:guid}";

    public const string ExchangeParticipants = "/programmes/{programmeId:guid}/participants";
    public const string ExchangeParticipant = "/programmes/{programmeId:guid}/participants/{personId:guid}";
    public const string ExchangeMembers = "/programmes/{programmeId:guid}/members";
    public const string ExchangeMemberLeave = "/programmes/{programmeId:guid}/members/{organisationId:guid}/leave";

    public const string Teams = "/programmes/{programmeId:guid}/teams";
    public const string Team = "/programmes/{programmeId:guid}/teams/{regionId:guid}";
    public const string TeamMembers = "/programmes/{programmeId:guid}/teams/{regionId:guid}/members";
    public const string TeamMember = "/programmes/{programmeId:guid}/teams/{regionId:guid}/members/{personId:guid}";

    public const string Facilitators = "/facilitators";
    public const string Facilitator = "/facilitators/{personId:guid}";

    public const string WorkingGroups = "/programmes/{programmeId:guid}/working-groups";
    public const string WorkingGroup = "/working-groups/{workingGroupId:guid}";
    public const string DisbandWorkingGroup = "/working-groups/{workingGroupId:guid}/disband";

    public const string PersonalDataExports = "/people/{personId:guid}/personal-data-exports";
    public const string PersonalDataExport = "/personal-data-exports/{exportId:guid}";
    public const string RetryPersonalDataExport = "/personal-data-exports/{exportId:guid}/retry";
    public const string PersonalDataExportArchive = "/personal-data-exports/{exportId:guid}/archive";

    public const string PersonErasures = "/people/{personId:guid}/erasures";
    public const string Erasures = "/erasures";
    public const string Erasure = "/erasures/{erasureId:guid}";
    public const string ErasureDecision = "/erasures/{erasureId:guid}/decision";

    /// <summary>The full path of a route with its parameters filled in, in the template's order.</summary>
    public static string PathOf(string route, params object[] values) =>
        RouteTemplate.Expand(route == RegionList ? Prefix : Prefix + route, values);
}
