namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>
/// Working groups beyond the programme: in a member network, people its member organisations
/// named ("Medlemsorganisationer ska under hösten utnämna namn till de olika grupperna"); in a
/// strategic dialogue, none.
/// </summary>
public sealed class NetworkWorkingGroupApiTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_networks_working_group_is_formed_from_people_its_members_named_and_published_without_regions()
    {
        var (network, techtank, _) = await NetworkAsync();
        var tove = await NamedAsync(network.Id, techtank.Id, "Tove Techtank");
        var tor = await NamedAsync(network.Id, techtank.Id, "Tor Techtank");

        var response = await app.Admin.PostAsJsonAsync(
            $"/api/regions/programmes/{network.Id}/working-groups",
            new { topic = "Jämställd rekrytering", regionIds = Array.Empty<Guid>(), personIds = new[] { tove.Id, tor.Id } },
            RegionsApp.Json,
            Cancellation);

        var group = await RegionsApp.ReadAsync<WorkingGroupResponse>(response, HttpStatusCode.Created);
        Assert.Empty(group.Regions);
        Assert.Equal(["Tor Techtank", "Tove Techtank"], group.Members.Select(m => m.Name));
        var changed = await app.PublishedAsync<WorkingGroupChanged>(e => e.WorkingGroupId == group.Id);
        Assert.Equal((network.Id, "Jämställd rekrytering"), (changed.ProgrammeId, changed.Topic));
        Assert.Empty(changed.RegionIds);
        Assert.Equal(new[] { tove.Id, tor.Id }.Order(), changed.PersonIds.Order());

        var renamed = await app.Admin.PutAsJsonAsync(
            $"/api/regions/working-groups/{group.Id}",
            new { topic = "Jämställd rekrytering i länet", regionIds = Array.Empty<Guid>(), personIds = new[] { tove.Id }, version = group.Version },
            RegionsApp.Json,
            Cancellation);
        Assert.Equal([tove.Id], (await RegionsApp.ReadAsync<WorkingGroupResponse>(renamed, HttpStatusCode.OK)).Members.Select(m => m.PersonId));
    }

    [Fact]
    public async Task A_networks_working_group_has_no_regions_and_only_the_networks_participants()
    {
        var (network, techtank, blekinge) = await NetworkAsync();
        var named = await NamedAsync(network.Id, techtank.Id, "Tove Techtank");
        var notNamed = await app.RegisterPersonAsync(organisationId: techtank.Id, name: "Otto Outsider");
        var url = $"/api/regions/programmes/{network.Id}/working-groups";

        var withRegion = await app.Admin.PostAsJsonAsync(
            url, new { topic = "Med region", regionIds = new[] { blekinge.Id }, personIds = new[] { named.Id } }, RegionsApp.Json, Cancellation);
        var nobody = await app.Admin.PostAsJsonAsync(url, new { topic = "Ingen", regionIds = Array.Empty<Guid>() }, RegionsApp.Json, Cancellation);
        var stranger = await app.Admin.PostAsJsonAsync(
            url, new { topic = "Främling", regionIds = Array.Empty<Guid>(), personIds = new[] { named.Id, notNamed.Id } }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(withRegion, HttpStatusCode.UnprocessableEntity, "working-group.network-has-no-regions");
        await RegionsApp.ProblemAsync(nobody, HttpStatusCode.UnprocessableEntity, "working-group.network-people-required");
        var problem = await RegionsApp.ProblemAsync(stranger, HttpStatusCode.UnprocessableEntity, "working-group.not-a-network-participant");
        Assert.Contains("Otto Outsider", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strategic_dialogue_has_no_working_groups()
    {
        var länsstyrelsen = await app.RegisterOrganisationAsync($"Länsstyrelsen {Guid.NewGuid():N}"[..30], OrganisationKind.Authority);
        var governor = await app.RegisterPersonAsync(organisationId: länsstyrelsen.Id, name: "Lena Landshövding");
        var dialogue = await RegisterAsync(new
        {
            format = "StrategicDialogue",
            question = "Hur når vi miljökvalitetsmålet Ett rikt odlingslandskap i länets betesmarker och ängar?",
            leaderPersonId = governor.Id,
        });

        var response = await app.Admin.PostAsJsonAsync(
            $"/api/regions/programmes/{dialogue.Id}/working-groups",
            new { topic = "Betesmarker", regionIds = Array.Empty<Guid>(), personIds = new[] { governor.Id } },
            RegionsApp.Json,
            Cancellation);

        await RegionsApp.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "working-group.not-in-dialogue");
    }

    /// <summary>A network with one member organisation, and a region to try to add.</summary>
    private async Task<(ProgrammeResponse Network, OrganisationResponse Member, RegionResponse Region)> NetworkAsync()
    {
        var länsstyrelsen = await app.RegisterOrganisationAsync($"Länsstyrelsen {Guid.NewGuid():N}"[..30], OrganisationKind.Authority);
        var techtank = await app.RegisterOrganisationAsync($"Techtank {Guid.NewGuid():N}"[..30], OrganisationKind.Company);
        var blekinge = await app.RegionAsync("10");
        var convener = await app.RegisterPersonAsync(organisationId: länsstyrelsen.Id, name: "Johanna Sammelin");
        var secretary = await app.RegisterPersonAsync(regionId: blekinge.Id, name: "Malin Fredriksberg");
        var network = await RegisterAsync(new { format = "MemberNetwork", convenerPersonId = convener.Id, secretaryPersonId = secretary.Id });
        Assert.Equal(HttpStatusCode.Created, (await app.Admin.PostAsJsonAsync(
            $"/api/regions/programmes/{network.Id}/members", new { organisationId = techtank.Id, joinedOn = "2019-09-25" }, RegionsApp.Json, Cancellation)).StatusCode);
        return (network, techtank, blekinge);
    }

    /// <summary>A person of a member organisation, named by it to the network.</summary>
    private async Task<PersonResponse> NamedAsync(Guid networkId, Guid organisationId, string name)
    {
        var person = await app.RegisterPersonAsync(organisationId: organisationId, name: name);
        Assert.Equal(HttpStatusCode.Created, (await app.Admin.PostAsJsonAsync(
            $"/api/regions/programmes/{networkId}/participants", new { personId = person.Id }, RegionsApp.Json, Cancellation)).StatusCode);
        return person;
    }

    private async Task<ProgrammeResponse> RegisterAsync(object fields)
    {
        var body = new Dictionary<string, object?> { ["name"] = $"Utbyte {Guid.NewGuid():N}"[..30], ["startsOn"] = "2019-09-25", ["endsOn"] = "2019-12-31" };
        foreach (var property in fields.GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(fields);
        }

        return await RegionsApp.ReadAsync<ProgrammeResponse>(
            await app.Admin.PostAsJsonAsync("/api/regions/programmes", body, RegionsApp.Json, Cancellation), HttpStatusCode.Created);
    }
}
