namespace KollegialtUtbyte.Regions.Api;

/// <summary>Regions: read by everyone signed in, registered and changed by administrators.</summary>
public static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet(RegionsRoutes.RegionList, ListAsync).ProducesProblems(400);
        api.MapGet(RegionsRoutes.Region, GetAsync).ProducesProblems(404);
        api.MapPost(RegionsRoutes.RegionList, RegisterAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 422);
        api.MapPut(RegionsRoutes.Region, UpdateAsync).RequireAuthorization(Policies.Administrator).ProducesProblems(400, 404, 409, 422);
        return api;
    }

    private static async Task<Ok<PagedList<RegionResponse>>> ListAsync([AsParameters] PageQuery query, RegionsDb db, CancellationToken cancellationToken)
    {
        var regions = db.Regions.AsNoTracking();
        if (query.SearchTerm() is { } term)
        {
            regions = regions.Where(r => r.SearchText.Contains(term));
        }

        var (items, total) = await regions.OrderBy(r => r.Name).ThenBy(r => r.Id).PageAsync(query, cancellationToken);
        return TypedResults.Ok(items.Select(ContractMapping.ToResponse).ToList().ToPage(query, total));
    }

    private static async Task<Ok<RegionResponse>> GetAsync(Guid regionId, RegionsDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, cancellationToken)
            ?? throw new ResourceNotFoundException("Region", regionId);
        http.Response.SetVersionTag(region.Version);
        return TypedResults.Ok(ContractMapping.ToResponse(region));
    }

    private static async Task<Created<RegionResponse>> RegisterAsync(RegisterRegionRequest request, RegionsDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        await EnsureUniqueAsync(db, null, request.Name, request.CountyCode, cancellationToken);
        var now = time.GetUtcNow();
        var region = Region.Register(Guid.CreateVersion7(), request.Name, request.CountyCode, now);
        db.Regions.Add(region);
        db.AddEvent(DirectoryEvents.Registered(region, now));
        db.AddEvent(DirectoryEvents.RegisteredAsOrganisation(region, now));
        await db.SaveUniqueAsync(cancellationToken);
        return TypedResults.Created(RegionsRoutes.PathOf(RegionsRoutes.Region, region.Id), ContractMapping.ToResponse(region));
    }

    private static async Task<Ok<RegionResponse>> UpdateAsync(
        Guid regionId, UpdateRegionRequest request, RegionsDb db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == regionId, cancellationToken)
            ?? throw new ResourceNotFoundException("Region", regionId);
        db.ExpectVersion(region, request.Version);
        await EnsureUniqueAsync(db, regionId, request.Name, request.CountyCode, cancellationToken);

        var now = time.GetUtcNow();
        region.Change(request.Name, request.CountyCode);
        db.AddEvent(DirectoryEvents.Updated(region, now));
        db.AddEvent(DirectoryEvents.UpdatedAsOrganisation(region, now));
        await db.SaveUniqueAsync(cancellationToken);
        http.Response.SetVersionTag(region.Version);
        return TypedResults.Ok(ContractMapping.ToResponse(region));
    }

    private static async Task EnsureUniqueAsync(RegionsDb db, Guid? self, string name, string countyCode, CancellationToken cancellationToken)
    {
        var trimmedName = name.Trim();
        var trimmedCode = countyCode.Trim();
        DirectoryRules.EnsureRegionNameFree(name, await db.Regions.AnyAsync(r => r.Id != self && r.Name == trimmedName, cancellationToken));
        DirectoryRules.EnsureCountyCodeFree(countyCode, await db.Regions.AnyAsync(r => r.Id != self && r.CountyCode == trimmedCode, cancellationToken));
    }
}
