namespace KollegialtUtbyte.Regions.Api;

/// <summary>
/// The exchange registry: programmes, strategic dialogues and member networks, their period, a
/// programme's expectations and regions, a dialogue's question and leader, a network's convener
/// and secretary. The Meetings service builds its calendars from the events published here.
/// </summary>
public static class ProgrammeEndpoints
{
    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet(RegionsRoutes.Programmes, ListAsync).ProducesProblems(400);
        api.MapGet(RegionsRoutes.Programme, GetAsync).ProducesProblems(404);
        api.MapPost(RegionsRoutes.Programmes, RegisterAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 422);
        api.MapPut(RegionsRoutes.Programme, UpdateAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);
        api.MapPost(RegionsRoutes.ProgrammeRegions, JoinAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 422);
        api.MapDelete(RegionsRoutes.ProgrammeRegion, LeaveAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(404, 422);
        return api;
    }

    private static async Task<Ok<PagedList<ProgrammeResponse>>> ListAsync(
        [AsParameters] PageQuery query, Guid? regionId, RegionsDb db, CancellationToken cancellationToken)
    {
        var programmes = db.Programmes.AsNoTracking();
        if (query.SearchTerm() is { } term)
        {
            programmes = programmes.Where(p => p.SearchText.Contains(term));
        }

        if (regionId is { } region)
        {
            programmes = programmes.Where(p => db.Teams.Any(t => t.ProgrammeId == p.Id && t.RegionId == region));
        }

        var (items, total) = await programmes.OrderByDescending(p => p.StartsOn).ThenBy(p => p.Name).ThenBy(p => p.Id).PageAsync(query, cancellationToken);

        // The teams of the whole page in one query, not one per programme.
        var teams = (await TeamsOf(db, [.. items.Select(p => p.Id)]).ToListAsync(cancellationToken)).ToLookup(t => t.Team.ProgrammeId);
        var people = await ExchangePeople.DescribeAsync(db, items.SelectMany(p => p.Roles.PersonIds), cancellationToken);
        return TypedResults.Ok(items.Select(programme => Describe(programme, teams[programme.Id], people)).ToList().ToPage(query, total));
    }

    private static async Task<Ok<ProgrammeResponse>> GetAsync(Guid programmeId, RegionsDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeToReadAsync(programmeId, cancellationToken);
        http.Response.SetVersionTag(programme.Version);
        return TypedResults.Ok(await DescribeAsync(db, programme, cancellationToken));
    }

    private static async Task<Created<ProgrammeResponse>> RegisterAsync(RegisterProgrammeRequest request, RegionsDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var roles = new ExchangeRoles(request.Question, request.LeaderPersonId, request.ConvenerPersonId, request.SecretaryPersonId);
        var programme = Programme.Register(
            Guid.CreateVersion7(),
            request.Name,
            request.StartsOn!.Value,
            request.EndsOn!.Value,
            request.ExpectedKeyOfficials ?? Programme.DefaultExpectedKeyOfficials,
            request.Format ?? ExchangeFormat.Programme,
            roles,
            await ExchangePeople.KnownAsync(db, roles, cancellationToken),
            now);
        db.Programmes.Add(programme);
        db.AddEvent(DirectoryEvents.Registered(programme, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(RegionsRoutes.PathOf(RegionsRoutes.Programme, programme.Id), await DescribeAsync(db, programme, cancellationToken));
    }

    private static async Task<Ok<ProgrammeResponse>> UpdateAsync(
        Guid programmeId, UpdateProgrammeRequest request, RegionsDb db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken)
            ?? throw new ResourceNotFoundException("Program", programmeId);
        db.ExpectVersion(programme, request.Version);
        var teams = await db.Teams.AsNoTracking().Where(t => t.ProgrammeId == programmeId).ToListAsync(cancellationToken);

        programme.Change(
            request.Name,
            request.StartsOn!.Value,
            request.EndsOn!.Value,
            request.ExpectedKeyOfficials!.Value,
            teams.Select(t => t.KeyOfficials).DefaultIfEmpty(0).Max());
        var roles = new ExchangeRoles(request.Question, request.LeaderPersonId, request.ConvenerPersonId, request.SecretaryPersonId);
        programme.ChangeRoles(roles, await ExchangePeople.KnownAsync(db, roles, cancellationToken));
        db.AddEvent(DirectoryEvents.Updated(programme, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(programme.Version);
        return TypedResults.Ok(await DescribeAsync(db, programme, cancellationToken));
    }

    /// <summary>The region joins the programme; its (empty) team is formed.</summary>
    private static async Task<Created<TeamSummaryResponse>> JoinAsync(
        Guid programmeId, JoinProgrammeRequest request, RegionsDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeToReadAsync(programmeId, cancellationToken);
        programme.EnsureTakesTeams();
        var regionId = request.RegionId!.Value;
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, cancellationToken)
            ?? throw DirectoryRules.Unknown("region", regionId);
        DirectoryRules.EnsureRegionNotYetParticipating(
            region.Name, await db.Teams.AnyAsync(t => t.ProgrammeId == programmeId && t.RegionId == regionId, cancellationToken));

        var now = time.GetUtcNow();
        var team = Team.Form(programmeId, regionId, now);
        db.Teams.Add(team);
        db.AddEvent(DirectoryEvents.Joined(team, region, now));
        await db.SaveUniqueAsync(cancellationToken);
        return TypedResults.Created(RegionsRoutes.PathOf(RegionsRoutes.Team, programmeId, regionId), TeamResponses.Summary(team, region, programme));
    }

    private static async Task<NoContent> LeaveAsync(Guid programmeId, Guid regionId, RegionsDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var team = await db.TeamAsync(programmeId, regionId, cancellationToken);
        team.EnsureMayLeave(await db.WorkingGroups.AnyAsync(
            g => g.ProgrammeId == programmeId && !g.Disbanded && g.Regions.Any(r => r.RegionId == regionId), cancellationToken));
        db.Teams.Remove(team);
        db.AddEvent(DirectoryEvents.Left(team, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<ProgrammeResponse> DescribeAsync(RegionsDb db, Programme programme, CancellationToken cancellationToken) =>
        Describe(
            programme,
            await TeamsOf(db, [programme.Id]).ToListAsync(cancellationToken),
            await ExchangePeople.DescribeAsync(db, programme.Roles.PersonIds, cancellationToken));

    private static IQueryable<TeamInRegion> TeamsOf(RegionsDb db, IReadOnlyCollection<Guid> programmeIds) =>
        from team in db.Teams.AsNoTracking()
        join region in db.Regions.AsNoTracking() on team.RegionId equals region.Id
        where programmeIds.Contains(team.ProgrammeId)
        orderby region.Name
        select new TeamInRegion(team, region);

    private static ProgrammeResponse Describe(Programme programme, IEnumerable<TeamInRegion> teams, IReadOnlyDictionary<Guid, ExchangePersonResponse> people)
    {
        return new(
            programme.Id,
            programme.Name,
            programme.StartsOn,
            programme.EndsOn,
            programme.ExpectedKeyOfficials,
            teams.Select(t => TeamResponses.Summary(t.Team, t.Region, programme)).ToList(),
            programme.Version,
            programme.Format,
            programme.Question,
            Named(programme.LeaderPersonId),
            Named(programme.ConvenerPersonId),
            Named(programme.SecretaryPersonId));

        ExchangePersonResponse? Named(Guid? personId) => personId is { } id ? people.GetValueOrDefault(id) : null;
    }

    private sealed record TeamInRegion(Team Team, Region Region);
}
