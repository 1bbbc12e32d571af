using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Portal.Gateway;

namespace KollegialtUtbyte.Portal.Team;

// What the team and politician pages read from the services, as the services send it. Enums the
// contracts do not share travel as their names (strings), which is how the services write them.

/// <summary>A programme a region takes part in (Regions: GET programmes?regionId=).</summary>
public sealed record RegionProgramme(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, int ExpectedKeyOfficials, long Version);

/// <summary>A region's team in a programme with its completeness (Regions).</summary>
public sealed record RegionTeam(
    Guid ProgrammeId,
    string ProgrammeName,
    Guid RegionId,
    string RegionName,
    IReadOnlyList<TeamMember> Members,
    TeamCompleteness Completeness,
    DateTimeOffset JoinedAt,
    long Version);

public sealed record RegisterPerson(string Name, string Email, string? Phone, string? Title, Guid? RegionId);

public sealed record RegisteredPerson(Guid Id, string Name, long Version);

public sealed record AddTeamMember(Guid PersonId, TeamRole Role, long? Version);

public sealed record ChangeTeamMember(TeamRole Role, long Version);
