namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>Regions and organisations: administrators keep them, everyone signed in reads them.</summary>
public sealed class RegionApiTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_a_region_publishes_it_as_a_region_and_as_an_organisation()
    {
        var response = await app.Admin.PostAsJsonAsync("/api/regions", new { name = "Region Värmland", countyCode = "17" }, RegionsApp.Json, Cancellation);

        var region = await RegionsApp.ReadAsync<RegionResponse>(response, HttpStatusCode.Created);
        Assert.Equal(("Region Värmland", "17", "Värmlands län"), (region.Name, region.CountyCode, region.County));
        var registered = await app.PublishedAsync<RegionRegistered>(e => e.RegionId == region.Id);
        Assert.Equal(("Region Värmland", "17"), (registered.Name, registered.CountyCode));
        var asOrganisation = await app.PublishedAsync<OrganisationRegistered>(e => e.OrganisationId == region.Id);
        Assert.Equal(OrganisationKind.Region, asOrganisation.Kind);
    }

    [Fact]
    public async Task County_codes_are_two_digits_official_and_unique()
    {
        await app.RegionAsync("25");

        var malformed = await app.Admin.PostAsJsonAsync("/api/regions", new { name = "Region Ingenstans", countyCode = "1" }, RegionsApp.Json, Cancellation);
        var unofficial = await app.Admin.PostAsJsonAsync("/api/regions", new { name = "Region Ingenstans", countyCode = "02" }, RegionsApp.Json, Cancellation);
        var taken = await app.Admin.PostAsJsonAsync("/api/regions", new { name = "Region Norrbotten 2", countyCode = "25" }, RegionsApp.Json, Cancellation);
        var sameName = await app.Admin.PostAsJsonAsync("/api/regions", new { name = "Region Norrbotten", countyCode = "23" }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(malformed, HttpStatusCode.BadRequest);
        await RegionsApp.ProblemAsync(unofficial, HttpStatusCode.UnprocessableEntity, "region.unknown-county-code");
        await RegionsApp.ProblemAsync(taken, HttpStatusCode.UnprocessableEntity, "region.county-code-taken");
        await RegionsApp.ProblemAsync(sameName, HttpStatusCode.UnprocessableEntity, "region.name-taken");
    }

    [Fact]
    public async Task Only_administrators_register_or_change_regions()
    {
        var halland = await app.RegionAsync("13");

        var register = await app.ClientFor(TestUser.ProjectLeader(halland.Id))
            .PostAsJsonAsync("/api/regions", new { name = "Region Gotland", countyCode = "09" }, RegionsApp.Json, Cancellation);
        var change = await app.ClientFor(TestUser.ProjectLeader(halland.Id))
            .PutAsJsonAsync($"/api/regions/{halland.Id}", new { name = "Region Halland", countyCode = "13", version = halland.Version }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(register, HttpStatusCode.Forbidden);
        await RegionsApp.ProblemAsync(change, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Renaming_a_region_needs_its_current_version_and_publishes_the_update()
    {
        var region = await app.RegisterRegionAsync("20");

        var renamed = await app.Admin.PutAsJsonAsync($"/api/regions/{region.Id}", new { name = "Region Dalarna län", countyCode = "20", version = region.Version }, RegionsApp.Json, Cancellation);
        var stale = await app.Admin.PutAsJsonAsync($"/api/regions/{region.Id}", new { name = "Region Dala", countyCode = "20", version = region.Version }, RegionsApp.Json, Cancellation);

        var current = await RegionsApp.ReadAsync<RegionResponse>(renamed, HttpStatusCode.OK);
        Assert.Equal(region.Version + 1, current.Version);
        await RegionsApp.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("Region Dalarna län", (await app.PublishedAsync<RegionUpdated>(e => e.RegionId == region.Id)).Name);
        Assert.Equal("Region Dalarna län", (await app.PublishedAsync<OrganisationUpdated>(e => e.OrganisationId == region.Id)).Name);
    }

    [Fact]
    public async Task Regions_are_listed_in_pages_searchable_by_name_or_county()
    {
        await app.RegionAsync("04");
        await app.RegionAsync("07");
        await app.RegionAsync("13");
        var reader = app.ClientFor(TestUser.Politician(Guid.NewGuid()));

        var bySearch = await reader.GetFromJsonAsync<PagedList<RegionResponse>>("/api/regions?search=SÖRM", RegionsApp.Json, Cancellation);
        var byCounty = await reader.GetFromJsonAsync<PagedList<RegionResponse>>("/api/regions?search=hallands%20län", RegionsApp.Json, Cancellation);
        var firstPage = await reader.GetFromJsonAsync<PagedList<RegionResponse>>("/api/regions?pageSize=1", RegionsApp.Json, Cancellation);
        var single = await reader.GetAsync($"/api/regions/{(await app.RegionAsync("07")).Id}", Cancellation);

        Assert.Equal("Region Sörmland", Assert.Single(bySearch!.Items).Name);
        Assert.Equal("Region Halland", Assert.Single(byCounty!.Items).Name);
        Assert.Single(firstPage!.Items);
        Assert.True(firstPage.Total >= 3);
        var kronoberg = await RegionsApp.ReadAsync<RegionResponse>(single, HttpStatusCode.OK);
        Assert.Equal($"\"{kronoberg.Version}\"", single.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Organisations_are_registered_by_administrators_and_regions_are_not_organisations_here()
    {
        var name = $"Ramböll {Guid.NewGuid():N}";

        var response = await app.Admin.PostAsJsonAsync("/api/regions/organisations", new { name, kind = "Consultancy" }, RegionsApp.Json, Cancellation);
        var asRegion = await app.Admin.PostAsJsonAsync("/api/regions/organisations", new { name = "Region Gotland", kind = "Region" }, RegionsApp.Json, Cancellation);
        var duplicate = await app.Admin.PostAsJsonAsync("/api/regions/organisations", new { name, kind = "Other" }, RegionsApp.Json, Cancellation);
        var byFacilitator = await app.ClientFor(TestUser.Facilitator())
            .PostAsJsonAsync("/api/regions/organisations", new { name = "Eget bolag", kind = "Consultancy" }, RegionsApp.Json, Cancellation);

        var organisation = await RegionsApp.ReadAsync<OrganisationResponse>(response, HttpStatusCode.Created);
        Assert.Equal(OrganisationKind.Consultancy, (await app.PublishedAsync<OrganisationRegistered>(e => e.OrganisationId == organisation.Id)).Kind);
        await RegionsApp.ProblemAsync(asRegion, HttpStatusCode.UnprocessableEntity, "organisation.region-kind");
        await RegionsApp.ProblemAsync(duplicate, HttpStatusCode.UnprocessableEntity, "organisation.name-taken");
        await RegionsApp.ProblemAsync(byFacilitator, HttpStatusCode.Forbidden);

        var consultancies = await app.Admin.GetFromJsonAsync<PagedList<OrganisationResponse>>("/api/regions/organisations?kind=Consultancy", RegionsApp.Json, Cancellation);
        Assert.Contains(consultancies!.Items, o => o.Id == organisation.Id);
        Assert.All(consultancies.Items, o => Assert.Equal(OrganisationKind.Consultancy, o.Kind));
    }

    [Fact]
    public async Task Renaming_an_organisation_publishes_the_update()
    {
        var organisation = await app.RegisterOrganisationAsync($"Verket {Guid.NewGuid():N}", OrganisationKind.Agency);

        var response = await app.Admin.PutAsJsonAsync(
            $"/api/regions/organisations/{organisation.Id}", new { name = "Tillväxtverket", kind = "Agency", version = organisation.Version }, RegionsApp.Json, Cancellation);

        Assert.Equal("Tillväxtverket", (await RegionsApp.ReadAsync<OrganisationResponse>(response, HttpStatusCode.OK)).Name);
        Assert.Equal("Tillväxtverket", (await app.PublishedAsync<OrganisationUpdated>(e => e.OrganisationId == organisation.Id)).Name);
    }
}
