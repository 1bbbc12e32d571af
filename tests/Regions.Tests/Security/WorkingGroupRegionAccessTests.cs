using KollegialtUtbyte.Regions.Tests.Api;

namespace KollegialtUtbyte.Regions.Tests.Security;

/// <summary>
/// A project leader changes a working group for their own region only: every region a change
/// touches (a region added or removed, a person added or removed) must be one they manage.
/// </summary>
public sealed class WorkingGroupRegionAccessTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_project_leader_cannot_add_or_remove_other_regions_or_their_people()
    {
        var (programme, värmland, norrbotten, västerbotten, _, fromNorrbotten) = await app.RegisterNorthernProgrammeAsync();
        var alsoFromNorrbotten = await app.RegisterPersonAsync(norrbotten.Id, name: "Nora Norrbottning");
        var group = await app.FormWorkingGroupAsync(programme.Id, "Hållbara platser", [värmland.Id, norrbotten.Id], [fromNorrbotten.Id]);
        var url = $"/api/regions/working-groups/{group.Id}";
        var projectLeader = app.ClientFor(TestUser.ProjectLeader(värmland.Id));
        object Change(Guid[] regionIds, Guid[] personIds) => new { topic = "Hållbara platser", regionIds, personIds, version = group.Version };

        var addingARegion = await projectLeader.PutAsJsonAsync(
            url, Change([värmland.Id, norrbotten.Id, västerbotten.Id], [fromNorrbotten.Id]), RegionsApp.Json, Cancellation);
        var removingARegion = await projectLeader.PutAsJsonAsync(
            url, Change([värmland.Id, västerbotten.Id], []), RegionsApp.Json, Cancellation);
        var addingTheirPerson = await projectLeader.PutAsJsonAsync(
            url, Change([värmland.Id, norrbotten.Id], [fromNorrbotten.Id, alsoFromNorrbotten.Id]), RegionsApp.Json, Cancellation);
        var removingTheirPerson = await projectLeader.PutAsJsonAsync(
            url, Change([värmland.Id, norrbotten.Id], []), RegionsApp.Json, Cancellation);
        var formingWithOthers = await projectLeader.PostAsJsonAsync(
            $"/api/regions/programmes/{programme.Id}/working-groups",
            new { topic = "Egen grupp", regionIds = new[] { värmland.Id, västerbotten.Id } },
            RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(addingARegion, HttpStatusCode.Forbidden);
        await RegionsApp.ProblemAsync(removingARegion, HttpStatusCode.Forbidden);
        await RegionsApp.ProblemAsync(addingTheirPerson, HttpStatusCode.Forbidden);
        await RegionsApp.ProblemAsync(removingTheirPerson, HttpStatusCode.Forbidden);
        await RegionsApp.ProblemAsync(formingWithOthers, HttpStatusCode.Forbidden);
        var unchanged = await app.Admin.GetFromJsonAsync<WorkingGroupResponse>(url, RegionsApp.Json, Cancellation);
        Assert.Equal(group.Version, unchanged!.Version);
        Assert.Equal([fromNorrbotten.Id], unchanged.Members.Select(m => m.PersonId));
    }

    [Fact]
    public async Task A_project_leader_adds_their_own_people_and_changes_the_topic()
    {
        var värmland = await app.RegionAsync("17");
        var norrbotten = await app.RegionAsync("25");
        var programme = await app.RegisterProgrammeAsync(värmland.Id, norrbotten.Id);
        var fromVärmland = await app.RegisterPersonAsync(värmland.Id, name: "Vera Värmländska");
        var fromNorrbotten = await app.RegisterPersonAsync(norrbotten.Id, name: "Nils Norrbottning");
        var group = await app.FormWorkingGroupAsync(programme.Id, "Hållbara platser", [värmland.Id, norrbotten.Id], [fromNorrbotten.Id]);

        var response = await app.ClientFor(TestUser.ProjectLeader(värmland.Id)).PutAsJsonAsync(
            $"/api/regions/working-groups/{group.Id}",
            new { topic = "Hållbara platser och besöksnäring", regionIds = new[] { norrbotten.Id, värmland.Id }, personIds = new[] { fromNorrbotten.Id, fromVärmland.Id }, version = group.Version },
            RegionsApp.Json, Cancellation);

        var changed = await RegionsApp.ReadAsync<WorkingGroupResponse>(response, HttpStatusCode.OK);
        Assert.Equal("Hållbara platser och besöksnäring", changed.Topic);
        Assert.Equal(new[] { fromVärmland.Id, fromNorrbotten.Id }.Order(), changed.Members.Select(m => m.PersonId).Order());
    }
}
