namespace KollegialtUtbyte.Regions.Api;

internal static class TeamResponses
{
    public static TeamSummaryResponse Summary(Team team, Region region, Programme programme) => new(
        team.ProgrammeId,
        team.RegionId,
        region.Name,
        region.CountyCode,
        team.Members.Count,
        ContractMapping.ToResponse(team.Completeness(programme.ExpectedKeyOfficials)),
        team.JoinedAt,
        team.Version);

    public static async Task<TeamResponse> DescribeAsync(RegionsDb db, Team team, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == team.ProgrammeId, cancellationToken);
        var regionName = await db.Regions.Where(r => r.Id == team.RegionId).Select(r => r.Name).SingleAsync(cancellationToken);
        var memberIds = team.Members.Select(m => m.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => memberIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var politicians = await db.PoliticiansAmongAsync(memberIds, cancellationToken);

        var members = team.Members
            .OrderBy(m => m.Role)
            .ThenBy(m => people[m.PersonId].Name, StringComparer.CurrentCulture)
            .Select(member =>
            {
                var person = people[member.PersonId];
                var contactVisible = user.SeesContactOf(person, politicians.Contains(person.Id));
                return new TeamMemberResponse(
                    person.Id,
                    person.Name,
                    person.Title,
                    member.Role,
                    contactVisible ? person.Email : null,
                    contactVisible ? person.Phone : null,
                    !contactVisible,
                    person.PreferredLanguage,
                    member.JoinedAt);
            })
            .ToList();

        return new TeamResponse(
            team.ProgrammeId,
            programme.Name,
            team.RegionId,
            regionName,
            members,
            ContractMapping.ToResponse(team.Completeness(programme.ExpectedKeyOfficials)),
            team.JoinedAt,
            team.Version);
    }
}
