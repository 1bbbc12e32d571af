namespace KollegialtUtbyte.Regions.Api;

/// <summary>
/// A region's team in a programme. Everyone signed in reads teams; administrators and the
/// region's own project leaders change them.
/// </summary>
public static class TeamEndpoints
{
    private const string OwnTeamOnly = "Du kan bara ändra din egen regions team. Administratörer ändrar alla team.";

    public static IEndpointRouteBuilder MapTeamEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet(RegionsRoutes.Teams, ListAsync).ProducesProblems(400, 404);
        api.MapGet(RegionsRoutes.Team, GetAsync).ProducesProblems(404);
        api.MapPost(RegionsRoutes.TeamMembers, AddMemberAsync).ProducesProblems(400, 403, 404, 409, 422);
        api.MapPut(RegionsRoutes.TeamMember, ChangeMemberAsync).ProducesProblems(400, 403, 404, 409, 422);
        api.MapDelete(RegionsRoutes.TeamMember, RemoveMemberAsync).ProducesProblems(403, 404, 409, 422);
        return api;
    }

    private static async Task<Ok<PagedList<TeamSummaryResponse>>> ListAsync(
        Guid programmeId, [AsParameters] PageQuery query, RegionsDb db, CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeToReadAsync(programmeId, cancellationToken);
        var teams = from team in db.Teams.AsNoTracking()
                    join region in db.Regions.AsNoTracking() on team.RegionId equals region.Id
                    where team.ProgrammeId == programmeId
                    select new { Team = team, Region = region };
        if (query.SearchTerm() is { } term)
        {
            teams = teams.Where(t => t.Region.SearchText.Contains(term));
        }

        var (items, total) = await teams.OrderBy(t => t.Region.Name).ThenBy(t => t.Region.Id).PageAsync(query, cancellationToken);
        return TypedResults.Ok(items.Select(t => TeamResponses.Summary(t.Team, t.Region, programme)).ToList().ToPage(query, total));
    }

    private static async Task<Ok<TeamResponse>> GetAsync(
        Guid programmeId, Guid regionId, RegionsDb db, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var team = await db.TeamAsync(programmeId, regionId, cancellationToken);
        http.Response.SetVersionTag(team.Version);
        return TypedResults.Ok(await TeamResponses.DescribeAsync(db, team, user, cancellationToken));
    }

    private static async Task<Results<Created<TeamResponse>, ProblemHttpResult>> AddMemberAsync(
        Guid programmeId, Guid regionId, AddTeamMemberRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!user.ManagesRegion(regionId))
        {
            return Problems.Forbidden(OwnTeamOnly);
        }

        await EnsureTakesTeamsAsync(db, programmeId, cancellationToken);
        var team = await db.TeamAsync(programmeId, regionId, cancellationToken);
        if (request.Version is { } version)
        {
            db.ExpectVersion(team, version);
        }

        var person = await db.People.FirstOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken)
            ?? throw DirectoryRules.Unknown("person", request.PersonId!.Value);
        if (person.IsErased)
        {
            return Access.Erased();
        }

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId, cancellationToken);
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == regionId, cancellationToken);

        var now = time.GetUtcNow();
        var member = team.Add(person, request.Role!.Value, programme.ExpectedKeyOfficials, now);
        db.AddEvent(DirectoryEvents.Joined(team, member, person, region.Name, now));
        db.Audit(AuditActions.TeamMemberAdded, user.PersonId(), person.Id, now, new { ProgrammeId = programmeId, RegionId = regionId, Role = member.Role.ToString() });
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(team.Version);
        return TypedResults.Created(
            RegionsRoutes.PathOf(RegionsRoutes.Team, programmeId, regionId),
            await TeamResponses.DescribeAsync(db, team, user, cancellationToken));
    }

    private static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> ChangeMemberAsync(
        Guid programmeId, Guid regionId, Guid personId, ChangeTeamMemberRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (!user.ManagesRegion(regionId))
        {
            return Problems.Forbidden(OwnTeamOnly);
        }

        await EnsureTakesTeamsAsync(db, programmeId, cancellationToken);
        var team = await db.TeamAsync(programmeId, regionId, cancellationToken);
        db.ExpectVersion(team, request.Version);
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId, cancellationToken);
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == regionId, cancellationToken);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is { IsErased: true })
        {
            // Her place stays as it was when she was erased; a new role would be news about her.
            return Access.Erased();
        }

        var previousRole = team.Members.SingleOrDefault(m => m.PersonId == personId)?.Role;
        var member = team.ChangeRole(personId, request.Role!.Value, programme.ExpectedKeyOfficials);
        person ??= await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);

        var now = time.GetUtcNow();
        db.AddEvent(DirectoryEvents.Updated(team, member, person, region.Name, now));
        db.Audit(AuditActions.TeamRoleChanged, user.PersonId(), personId, now,
            new { ProgrammeId = programmeId, RegionId = regionId, From = previousRole?.ToString(), To = member.Role.ToString() });
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(team.Version);
        return TypedResults.Ok(await TeamResponses.DescribeAsync(db, team, user, cancellationToken));
    }

    /// <summary><c>?version=</c> is optional: when given, the team must still be at that version.</summary>
    private static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> RemoveMemberAsync(
        Guid programmeId, Guid regionId, Guid personId, long? version, RegionsDb db, ClaimsPrincipal user, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!user.ManagesRegion(regionId))
        {
            return Problems.Forbidden(OwnTeamOnly);
        }

        await EnsureTakesTeamsAsync(db, programmeId, cancellationToken);
        var team = await db.TeamAsync(programmeId, regionId, cancellationToken);
        if (version is { } expected)
        {
            db.ExpectVersion(team, expected);
        }

        var member = team.Remove(personId);
        var now = time.GetUtcNow();
        db.AddEvent(DirectoryEvents.Left(team, member, now));
        db.Audit(AuditActions.TeamMemberRemoved, user.PersonId(), personId, now, new { ProgrammeId = programmeId, RegionId = regionId, Role = member.Role.ToString() });
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(team.Version);
        return TypedResults.Ok(await TeamResponses.DescribeAsync(db, team, user, cancellationToken));
    }

    /// <summary>Only a programme has teams: in a dialogue or network people take part by themselves.</summary>
    private static async Task EnsureTakesTeamsAsync(RegionsDb db, Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeToReadAsync(programmeId, cancellationToken);
        programme.EnsureTakesTeams();
    }
}
