namespace KollegialtUtbyte.Regions.Api;

/// <summary>Organisations that are not regions: the agency, the consultancy, others.</summary>
public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet(RegionsRoutes.Organisations, ListAsync).ProducesProblems(400);
        api.MapGet(RegionsRoutes.Organisation, GetAsync).ProducesProblems(404);
        api.MapPost(RegionsRoutes.Organisations, RegisterAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 422);
        api.MapPut(RegionsRoutes.Organisation, UpdateAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);
        return api;
    }

    private static async Task<Ok<PagedList<OrganisationResponse>>> ListAsync(
        [AsParameters] PageQuery query, OrganisationKind? kind, RegionsDb db, CancellationToken cancellationToken)
    {
        var organisations = db.Organisations.AsNoTracking();
        if (kind is { } wanted)
        {
            organisations = organisations.Where(o => o.Kind == wanted);
        }

        if (query.SearchTerm() is { } term)
        {
            organisations = organisations.Where(o => o.SearchText.Contains(term));
        }

        var (items, total) = await organisations.OrderBy(o => o.Name).ThenBy(o => o.Id).PageAsync(query, cancellationToken);
        return TypedResults.Ok(items.Select(ContractMapping.ToResponse).ToList().ToPage(query, total));
    }

    private static async Task<Ok<OrganisationResponse>> GetAsync(Guid organisationId, RegionsDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw new ResourceNotFoundException("Organisation", organisationId);
        http.Response.SetVersionTag(organisation.Version);
        return TypedResults.Ok(ContractMapping.ToResponse(organisation));
    }

    private static async Task<Created<OrganisationResponse>> RegisterAsync(RegisterOrganisationRequest request, RegionsDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        DirectoryRules.EnsureOrganisationNameFree(name, await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken));
        var now = time.GetUtcNow();
        var organisation = Organisation.Register(Guid.CreateVersion7(), request.Name, request.Kind!.Value, now);
        db.Organisations.Add(organisation);
        db.AddEvent(DirectoryEvents.Registered(organisation, now));
        await db.SaveUniqueAsync(cancellationToken);
        return TypedResults.Created(RegionsRoutes.PathOf(RegionsRoutes.Organisation, organisation.Id), ContractMapping.ToResponse(organisation));
    }

    private static async Task<Ok<OrganisationResponse>> UpdateAsync(
        Guid organisationId, UpdateOrganisationRequest request, RegionsDb db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw new ResourceNotFoundException("Organisation", organisationId);
        db.ExpectVersion(organisation, request.Version);
        var name = request.Name.Trim();
        DirectoryRules.EnsureOrganisationNameFree(name, await db.Organisations.AnyAsync(o => o.Id != organisationId && o.Name == name, cancellationToken));

        var hasFacilitators = await db.Facilitators.AnyAsync(
            f => db.People.Any(p => p.Id == f.PersonId && p.OrganisationId == organisationId), cancellationToken);
        organisation.Change(request.Name, request.Kind!.Value, hasFacilitators);
        db.AddEvent(DirectoryEvents.Updated(organisation, time.GetUtcNow()));
        await db.SaveUniqueAsync(cancellationToken);
        http.Response.SetVersionTag(organisation.Version);
        return TypedResults.Ok(ContractMapping.ToResponse(organisation));
    }
}
