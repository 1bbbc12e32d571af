using KollegialtUtbyte.Regions.Tests.Api;

namespace KollegialtUtbyte.Regions.Tests.Security;

/// <summary>A hidden e-mail address must not be confirmable by searching the directory for it.</summary>
public sealed class HiddenEmailSearchTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_region_finds_a_private_politician_by_name_but_not_by_e_mail()
    {
        var halland = await app.RegionAsync("13");
        var kronoberg = await app.RegionAsync("07");
        var programme = await app.RegisterProgrammeAsync(halland.Id);
        var name = $"Dold Politiker {Guid.NewGuid():N}"[..30];
        var politician = await app.RegisterPersonAsync(halland.Id, name: name);
        await app.AddMemberAsync(programme.Id, halland.Id, politician.Id, TeamRole.Politician);
        var fromKronoberg = app.ClientFor(TestUser.ProjectLeader(kronoberg.Id));
        var fromHalland = app.ClientFor(TestUser.TeamMember(halland.Id));
        var guess = Uri.EscapeDataString(politician.Email!);

        var byEmailFromKronoberg = await fromKronoberg.GetFromJsonAsync<PagedList<PersonResponse>>($"/api/regions/people?search={guess}", RegionsApp.Json, Cancellation);
        var byNameFromKronoberg = await fromKronoberg.GetFromJsonAsync<PagedList<PersonResponse>>(
            $"/api/regions/people?search={Uri.EscapeDataString(name)}", RegionsApp.Json, Cancellation);
        var byEmailFromHalland = await fromHalland.GetFromJsonAsync<PagedList<PersonResponse>>($"/api/regions/people?search={guess}", RegionsApp.Json, Cancellation);
        var byEmailAsAdministrator = await app.Admin.GetFromJsonAsync<PagedList<PersonResponse>>($"/api/regions/people?search={guess}", RegionsApp.Json, Cancellation);

        Assert.Equal(0, byEmailFromKronoberg!.Total);
        Assert.Equal(politician.Id, Assert.Single(byNameFromKronoberg!.Items).Id);
        Assert.Equal(politician.Id, Assert.Single(byEmailFromHalland!.Items).Id);
        Assert.Equal(politician.Id, Assert.Single(byEmailAsAdministrator!.Items).Id);
    }

    [Fact]
    public async Task People_whose_address_others_see_are_found_by_it_from_any_region()
    {
        var halland = await app.RegionAsync("13");
        var kronoberg = await app.RegionAsync("07");
        var programme = await app.RegisterProgrammeAsync(halland.Id);
        var sharing = await app.RegisterPersonAsync(halland.Id, name: "Delande Politiker", shareContactDetails: true);
        var official = await app.RegisterPersonAsync(halland.Id, name: "Öppen Tjänsteperson");
        await app.AddMemberAsync(programme.Id, halland.Id, sharing.Id, TeamRole.Politician);
        await app.AddMemberAsync(programme.Id, halland.Id, official.Id, TeamRole.KeyOfficial);
        var fromKronoberg = app.ClientFor(TestUser.TeamMember(kronoberg.Id));

        var bySharingEmail = await fromKronoberg.GetFromJsonAsync<PagedList<PersonResponse>>(
            $"/api/regions/people?search={Uri.EscapeDataString(sharing.Email!)}", RegionsApp.Json, Cancellation);
        var byOfficialEmail = await fromKronoberg.GetFromJsonAsync<PagedList<PersonResponse>>(
            $"/api/regions/people?search={Uri.EscapeDataString(official.Email!)}", RegionsApp.Json, Cancellation);

        Assert.Equal(sharing.Id, Assert.Single(bySharingEmail!.Items).Id);
        Assert.Equal(official.Id, Assert.Single(byOfficialEmail!.Items).Id);
    }
}
