namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>
/// The typed client the portal uses reaches the routes the service maps and reads its answers:
/// a route or field renamed on one side only fails here, not on a page.
/// </summary>
public sealed class RegionsApiClientTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void A_route_is_filled_in_the_order_of_its_parameters()
    {
        var programme = Guid.NewGuid();
        var region = Guid.NewGuid();
        var person = Guid.NewGuid();

        Assert.Equal("/api/regions", RegionsRoutes.PathOf(RegionsRoutes.RegionList));
        Assert.Equal($"/api/regions/programmes/{programme}/teams/{region}/members/{person}", RegionsRoutes.PathOf(RegionsRoutes.TeamMember, programme, region, person));
        Assert.Equal($"/api/regions/personal-data-exports/{person}/archive", RegionsApi.ArchivePath(person));
        Assert.Throws<ArgumentException>(() => RegionsRoutes.PathOf(RegionsRoutes.Team, programme));
    }

    [Fact]
    public async Task A_project_leader_keeps_her_team_through_the_client()
    {
        var region = await app.RegionAsync("07");
        var programme = await app.RegisterProgrammeAsync(region.Id);
        var leader = new RegionsApi(app.ClientFor(TestUser.ProjectLeader(region.Id)));

        var programmes = await leader.ProgrammesAsync(region.Id, pageSize: 100, cancellationToken: Cancellation);
        Assert.Contains(programmes.Value!.Items, p => p.Id == programme.Id);

        var person = await leader.RegisterPersonAsync(
            new RegisterPersonRequest("Karin Lind", $"{Guid.NewGuid():N}@region.example", null, "Utvecklingsledare", region.Id, null, null, null), Cancellation);
        Assert.True(person.Succeeded, person.Problem?.Detail);

        var team = await leader.TeamAsync(programme.Id, region.Id, Cancellation);
        var added = await leader.AddTeamMemberAsync(
            programme.Id, region.Id, new AddTeamMemberRequest(person.Value!.Id, TeamRole.KeyOfficial, team.Value!.Version), Cancellation);
        Assert.Equal(TeamRole.KeyOfficial, Assert.Single(added.Value!.Members, m => m.PersonId == person.Value.Id).Role);

        var changed = await leader.ChangeTeamMemberAsync(
            programme.Id, region.Id, person.Value.Id, new ChangeTeamMemberRequest(TeamRole.ProjectLeader, added.Value.Version), Cancellation);
        Assert.Equal(TeamRole.ProjectLeader, Assert.Single(changed.Value!.Members, m => m.PersonId == person.Value.Id).Role);

        var removed = await leader.RemoveTeamMemberAsync(programme.Id, region.Id, person.Value.Id, Cancellation);
        Assert.True(removed.Succeeded, removed.Problem?.Detail);
        var teams = await leader.TeamsAsync(programme.Id, pageSize: 100, cancellationToken: Cancellation);
        Assert.Equal(0, Assert.Single(teams.Value!.Items, t => t.RegionId == region.Id).MemberCount);
    }

    [Fact]
    public async Task The_services_problems_reach_the_caller_with_the_field_named()
    {
        var region = await app.RegionAsync("07");
        var admin = new RegionsApi(app.Admin);

        var invalid = await admin.RegisterPersonAsync(new RegisterPersonRequest("Karin Lind", "inte-en-adress", null, null, region.Id, null, null, null), Cancellation);
        Assert.Equal(400, invalid.Problem!.Status);
        Assert.NotNull(invalid.Problem.ErrorFor("email"));

        var missing = await admin.ErasureAsync(Guid.NewGuid(), Cancellation);
        Assert.Equal(404, missing.Problem!.Status);

        var requested = await admin.ErasuresAsync(PersonalDataErasureState.Requested, page: 1, pageSize: 100, Cancellation);
        Assert.True(requested.Succeeded, requested.Problem?.Detail);
    }
}
