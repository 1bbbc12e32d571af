namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>The programme registry: programmes, their period and expectation, participating regions.</summary>
public sealed class ProgrammeApiTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_programme_expects_four_key_officials_unless_told_otherwise_and_is_published()
    {
        var response = await app.Admin.PostAsJsonAsync(
            "/api/regions/programmes", new { name = "Vägar till hållbar utveckling 2021–2022", startsOn = "2021-01-01", endsOn = "2022-12-31" },
            RegionsApp.Json, Cancellation);

        var programme = await RegionsApp.ReadAsync<ProgrammeResponse>(response, HttpStatusCode.Created);
        Assert.Equal(4, programme.ExpectedKeyOfficials);
        var registered = await app.PublishedAsync<ProgrammeRegistered>(e => e.ProgrammeId == programme.Id);
        Assert.Equal(("Vägar till hållbar utveckling 2021–2022", new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), 4),
            (registered.Name, registered.StartsOn, registered.EndsOn, registered.ExpectedKeyOfficials));
    }

    [Fact]
    public async Task A_programme_cannot_end_before_it_starts_and_only_administrators_register_one()
    {
        var backwards = await app.Admin.PostAsJsonAsync(
            "/api/regions/programmes", new { name = "Baklänges", startsOn = "2022-01-01", endsOn = "2021-01-01" }, RegionsApp.Json, Cancellation);
        var noDates = await app.Admin.PostAsJsonAsync("/api/regions/programmes", new { name = "Utan datum" }, RegionsApp.Json, Cancellation);
        var byProjectLeader = await app.ClientFor(TestUser.ProjectLeader(Guid.NewGuid())).PostAsJsonAsync(
            "/api/regions/programmes", new { name = "Eget program", startsOn = "2021-01-01", endsOn = "2021-12-31" }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(backwards, HttpStatusCode.UnprocessableEntity, "programme.period");
        await RegionsApp.ProblemAsync(noDates, HttpStatusCode.BadRequest);
        await RegionsApp.ProblemAsync(byProjectLeader, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Regions_join_once_and_leave_only_with_an_empty_team()
    {
        var sörmland = await app.RegionAsync("04");
        var programme = await app.RegisterProgrammeAsync(sörmland.Id);
        var joined = await app.PublishedAsync<RegionJoinedProgramme>(e => e.ProgrammeId == programme.Id);
        Assert.Equal((sörmland.Id, "Region Sörmland"), (joined.RegionId, joined.RegionName));

        var again = await app.Admin.PostAsJsonAsync($"/api/regions/programmes/{programme.Id}/regions", new { regionId = sörmland.Id }, RegionsApp.Json, Cancellation);
        await RegionsApp.ProblemAsync(again, HttpStatusCode.UnprocessableEntity, "programme.region-already-participating");

        var person = await app.RegisterPersonAsync(sörmland.Id);
        await app.AddMemberAsync(programme.Id, sörmland.Id, person.Id, TeamRole.ProjectLeader);
        var withMembers = await app.Admin.DeleteAsync($"/api/regions/programmes/{programme.Id}/regions/{sörmland.Id}", Cancellation);
        await RegionsApp.ProblemAsync(withMembers, HttpStatusCode.UnprocessableEntity, "programme.team-not-empty");

        await app.Admin.DeleteAsync($"/api/regions/programmes/{programme.Id}/teams/{sörmland.Id}/members/{person.Id}", Cancellation);
        var left = await app.Admin.DeleteAsync($"/api/regions/programmes/{programme.Id}/regions/{sörmland.Id}", Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        await app.PublishedAsync<RegionLeftProgramme>(e => e.ProgrammeId == programme.Id && e.RegionId == sörmland.Id);
        var now = await app.Admin.GetFromJsonAsync<ProgrammeResponse>($"/api/regions/programmes/{programme.Id}", RegionsApp.Json, Cancellation);
        Assert.Empty(now!.Regions);
    }

    [Fact]
    public async Task Lowering_the_expectation_below_a_teams_key_officials_is_refused_and_a_stale_update_is_409()
    {
        var sörmland = await app.RegionAsync("04");
        var programme = await app.RegisterProgrammeAsync(sörmland.Id);
        for (var i = 0; i < 3; i++)
        {
            await app.AddMemberAsync(programme.Id, sörmland.Id, (await app.RegisterPersonAsync(sörmland.Id)).Id, TeamRole.KeyOfficial);
        }

        object Update(int expected, long version) => new { name = programme.Name, startsOn = "2021-01-01", endsOn = "2022-12-31", expectedKeyOfficials = expected, version };
        var url = $"/api/regions/programmes/{programme.Id}";

        var tooLow = await app.Admin.PutAsJsonAsync(url, Update(2, programme.Version), RegionsApp.Json, Cancellation);
        var raised = await app.Admin.PutAsJsonAsync(url, Update(5, programme.Version), RegionsApp.Json, Cancellation);
        var stale = await app.Admin.PutAsJsonAsync(url, Update(6, programme.Version), RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(tooLow, HttpStatusCode.UnprocessableEntity, "programme.expected-below-team");
        var updated = await RegionsApp.ReadAsync<ProgrammeResponse>(raised, HttpStatusCode.OK);
        Assert.Equal("3 of 5 key officials", Assert.Single(updated.Regions).Completeness.SummaryEnglish);
        await RegionsApp.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(5, (await app.PublishedAsync<ProgrammeUpdated>(e => e.ProgrammeId == programme.Id)).ExpectedKeyOfficials);
    }

    [Fact]
    public async Task Programmes_are_listed_with_their_regions_and_filtered_by_region()
    {
        var sörmland = await app.RegionAsync("04");
        var kalmar = await app.RegionAsync("08");
        var withKalmar = await app.RegisterProgrammeAsync(sörmland.Id, kalmar.Id);

        var page = await app.ClientFor(TestUser.TeamMember(kalmar.Id))
            .GetFromJsonAsync<PagedList<ProgrammeResponse>>($"/api/regions/programmes?regionId={kalmar.Id}", RegionsApp.Json, Cancellation);

        var listed = Assert.Single(page!.Items);
        Assert.Equal(withKalmar.Id, listed.Id);
        Assert.Equal(["Region Kalmar", "Region Sörmland"], listed.Regions.Select(r => r.RegionName));
        Assert.All(listed.Regions, r => Assert.Equal("0 of 4 key officials", r.Completeness.SummaryEnglish));
    }
}
