namespace KollegialtUtbyte.Regions.Api;

/// <summary>
/// Cross-region working groups of a programme. Everyone signed in reads them; administrators
/// form and change them. A project leader of a member region changes the topic and, for their
/// own region only, whether it and its people take part: every region a change touches (a
/// region added or removed, a person added or removed) must be one they manage. A member
/// network's groups have no regions, so only administrators form and change them.
/// </summary>
public static class WorkingGroupEndpoints
{
    private const string MemberRegionsOnly =
        "Arbetsgrupper ändras av administratörer och av projektledarna i gruppens regioner; din region måste ingå i gruppen.";

    private const string OwnRegionOnly =
        "En projektledare lägger till och tar bort bara sin egen region och dess personer; andra regioner och deras personer ändras av en administratör.";

    public static IEndpointRouteBuilder MapWorkingGroupEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet(RegionsRoutes.WorkingGroups, ListAsync).ProducesProblems(400, 404);
        api.MapPost(RegionsRoutes.WorkingGroups, FormAsync).ProducesProblems(400, 403, 404, 409, 422);
        api.MapGet(RegionsRoutes.WorkingGroup, GetAsync).ProducesProblems(404);
        api.MapPut(RegionsRoutes.WorkingGroup, ChangeAsync).ProducesProblems(400, 403, 404, 409, 422);
        api.MapPost(RegionsRoutes.DisbandWorkingGroup, DisbandAsync).ProducesProblems(400, 403, 404, 409, 422);
        return api;
    }

    private static async Task<Ok<PagedList<WorkingGroupResponse>>> ListAsync(
        Guid programmeId, [AsParameters] PageQuery query, Guid? regionId, bool? includeDisbanded, RegionsDb db, CancellationToken cancellationToken)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, cancellationToken))
        {
            throw new ResourceNotFoundException("Program", programmeId);
        }

        var groups = db.WorkingGroups.AsNoTracking().Where(g => g.ProgrammeId == programmeId);
        if (includeDisbanded != true)
        {
            groups = groups.Where(g => !g.Disbanded);
        }

        if (regionId is { } region)
        {
            groups = groups.Where(g => g.Regions.Any(r => r.RegionId == region));
        }

        if (query.SearchTerm() is { } term)
        {
            groups = groups.Where(g => g.SearchText.Contains(term));
        }

        var (items, total) = await groups.OrderBy(g => g.Topic).ThenBy(g => g.Id).PageAsync(query, cancellationToken);
        return TypedResults.Ok((await DescribeAsync(db, items, cancellationToken)).ToPage(query, total));
    }

    private static async Task<Ok<WorkingGroupResponse>> GetAsync(Guid workingGroupId, RegionsDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var group = await db.WorkingGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == workingGroupId, cancellationToken)
            ?? throw new ResourceNotFoundException("Arbetsgrupp", workingGroupId);
        http.Response.SetVersionTag(group.Version);
        return TypedResults.Ok((await DescribeAsync(db, [group], cancellationToken))[0]);
    }

    private static async Task<Results<Created<WorkingGroupResponse>, ProblemHttpResult>> FormAsync(
        Guid programmeId, FormWorkingGroupRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!MayChange(user, request.RegionIds))
        {
            return Problems.Forbidden(MemberRegionsOnly);
        }

        var exchange = await ExchangeAsync(db, programmeId, cancellationToken);
        var people = await PeopleAsync(db, request.PersonIds ?? [], cancellationToken);
        if (people.Any(p => p.IsErased))
        {
            return Access.Erased();
        }

        // Forming a group adds every region and person in it.
        if (!MayTouch(user, request.RegionIds.Select(id => (Guid?)id).Concat(RegionsOf(people))))
        {
            return Problems.Forbidden(OwnRegionOnly);
        }
        var now = time.GetUtcNow();
        var group = WorkingGroup.Form(Guid.CreateVersion7(), programmeId, request.Topic, request.RegionIds, people, exchange, now);
        db.WorkingGroups.Add(group);
        db.AddEvent(DirectoryEvents.Changed(group, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(RegionsRoutes.PathOf(RegionsRoutes.WorkingGroup, group.Id), (await DescribeAsync(db, [group], cancellationToken))[0]);
    }

    private static async Task<Results<Ok<WorkingGroupResponse>, ProblemHttpResult>> ChangeAsync(
        Guid workingGroupId, ChangeWorkingGroupRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var group = await GroupAsync(db, workingGroupId, cancellationToken);
        if (!MayChange(user, group.RegionIds) || !MayChange(user, request.RegionIds))
        {
            return Problems.Forbidden(MemberRegionsOnly);
        }

        db.ExpectVersion(group, request.Version);
        var exchange = await ExchangeAsync(db, group.ProgrammeId, cancellationToken);
        var people = await PeopleAsync(db, request.PersonIds ?? [], cancellationToken);
        if (people.Any(p => p.IsErased && !group.PersonIds.Contains(p.Id)))
        {
            // An erased member stays in the groups she was in, but joins no new one.
            return Access.Erased();
        }

        if (!MayTouch(user, await RegionsTouchedAsync(db, group, request.RegionIds, people, cancellationToken)))
        {
            return Problems.Forbidden(OwnRegionOnly);
        }

        group.Change(request.Topic, request.RegionIds, people, exchange);
        db.AddEvent(DirectoryEvents.Changed(group, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(group.Version);
        return TypedResults.Ok((await DescribeAsync(db, [group], cancellationToken))[0]);
    }

    private static async Task<Results<Ok<WorkingGroupResponse>, ProblemHttpResult>> DisbandAsync(
        Guid workingGroupId, DisbandWorkingGroupRequest request, RegionsDb db, ClaimsPrincipal user, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var group = await GroupAsync(db, workingGroupId, cancellationToken);
        if (!MayChange(user, group.RegionIds))
        {
            return Problems.Forbidden(MemberRegionsOnly);
        }

        db.ExpectVersion(group, request.Version);
        group.Disband();
        db.AddEvent(DirectoryEvents.Changed(group, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);

        http.Response.SetVersionTag(group.Version);
        return TypedResults.Ok((await DescribeAsync(db, [group], cancellationToken))[0]);
    }

    private static bool MayChange(ClaimsPrincipal user, IEnumerable<Guid> regionIds) =>
        user.IsAdministrator() || regionIds.Any(user.ManagesRegion);

    /// <summary>Whether the caller manages every one of <paramref name="touchedRegionIds"/>. A person of no region is touchable by administrators only.</summary>
    private static bool MayTouch(ClaimsPrincipal user, IEnumerable<Guid?> touchedRegionIds) =>
        user.IsAdministrator() || touchedRegionIds.All(region => region is { } id && user.ManagesRegion(id));

    private static bool MayTouch(ClaimsPrincipal user, IEnumerable<Guid> touchedRegionIds) =>
        MayTouch(user, touchedRegionIds.Select(id => (Guid?)id));

    private static IEnumerable<Guid?> RegionsOf(IEnumerable<Person> people) => people.Select(p => p.RegionId);

    /// <summary>The regions added or removed, and the regions of the people added or removed.</summary>
    private static async Task<List<Guid?>> RegionsTouchedAsync(
        RegionsDb db, WorkingGroup group, IReadOnlyList<Guid> regionIds, IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        var wanted = regionIds.Distinct().ToList();
        var regions = group.RegionIds.Except(wanted).Concat(wanted.Except(group.RegionIds)).Select(id => (Guid?)id);
        var added = people.Where(p => !group.PersonIds.Contains(p.Id));
        var removedIds = group.PersonIds.Where(id => people.All(p => p.Id != id)).ToList();
        var removed = await db.People.AsNoTracking().Where(p => removedIds.Contains(p.Id)).ToListAsync(cancellationToken);
        return regions.Concat(RegionsOf(added)).Concat(RegionsOf(removed)).ToList();
    }

    private static async Task<WorkingGroup> GroupAsync(RegionsDb db, Guid workingGroupId, CancellationToken cancellationToken) =>
        await db.WorkingGroups.FirstOrDefaultAsync(g => g.Id == workingGroupId, cancellationToken)
        ?? throw new ResourceNotFoundException("Arbetsgrupp", workingGroupId);

    /// <summary>The exchange's format and who takes part in it: a programme's regions with teams, a network's named participants.</summary>
    private static async Task<WorkingGroupExchange> ExchangeAsync(RegionsDb db, Guid programmeId, CancellationToken cancellationToken)
    {
        var format = await db.Programmes.Where(p => p.Id == programmeId).Select(p => (ExchangeFormat?)p.Format).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ResourceNotFoundException("Program", programmeId);
        return format switch
        {
            ExchangeFormat.MemberNetwork => WorkingGroupExchange.Network(
                await db.ExchangeParticipants.Where(p => p.ProgrammeId == programmeId).Select(p => p.PersonId).ToListAsync(cancellationToken)),
            ExchangeFormat.StrategicDialogue => WorkingGroupExchange.Dialogue(),
            _ => WorkingGroupExchange.Programme(
                await db.Teams.Where(t => t.ProgrammeId == programmeId).Select(t => t.RegionId).ToListAsync(cancellationToken)),
        };
    }

    private static async Task<List<Person>> PeopleAsync(RegionsDb db, IReadOnlyList<Guid> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var missing = ids.Where(id => people.All(p => p.Id != id)).ToList();
        if (missing.Count > 0)
        {
            throw DirectoryRules.Unknown("person", missing[0]);
        }

        return people;
    }

    private static async Task<List<WorkingGroupResponse>> DescribeAsync(RegionsDb db, IReadOnlyList<WorkingGroup> groups, CancellationToken cancellationToken)
    {
        var names = await DirectoryNames.LoadAsync(db, cancellationToken);
        var personIds = groups.SelectMany(g => g.PersonIds).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return groups.Select(group => new WorkingGroupResponse(
            group.Id,
            group.ProgrammeId,
            group.Topic,
            group.RegionIds.Select(id => new WorkingGroupRegionResponse(id, names.RegionName(id) ?? "")).OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList(),
            group.PersonIds.Select(id => people[id]).OrderBy(p => p.Name, StringComparer.CurrentCulture)
                .Select(p => new WorkingGroupMemberResponse(p.Id, p.Name, p.RegionId, p.Title)).ToList(),
            group.Disbanded,
            group.FormedAt,
            group.Version)).ToList();
    }
}
