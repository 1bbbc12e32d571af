using KollegialtUtbyte.Portal.Gateway;

namespace KollegialtUtbyte.Portal.Programme;

// The shapes the administrator and facilitator pages read from other services than Meetings;
// Meetings' own records come from its contract (KollegialtUtbyte.Meetings.ApiContracts).

public sealed record FacilitatorListing(Guid PersonId, string Name, string OrganisationName);

public sealed record TeamSummary(
    Guid ProgrammeId,
    Guid RegionId,
    string RegionName,
    string CountyCode,
    int MemberCount,
    TeamCompleteness Completeness,
    DateTimeOffset JoinedAt,
    long Version);

public sealed record TeamDetails(Guid ProgrammeId, Guid RegionId, string RegionName, IReadOnlyList<TeamMember> Members, TeamCompleteness Completeness, long Version);
