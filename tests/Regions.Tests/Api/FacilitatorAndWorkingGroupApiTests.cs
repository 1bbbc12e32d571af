namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>Facilitators from the consultancy, and cross-region working groups.</summary>
public sealed class FacilitatorAndWorkingGroupApiTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_of_the_consultancy_becomes_a_facilitator_and_identity_hears_of_it()
    {
        var consultancy = await app.RegisterOrganisationAsync($"Ramböll {Guid.NewGuid():N}", OrganisationKind.Consultancy);
        var person = await app.RegisterPersonAsync(organisationId: consultancy.Id, name: "Fanny Processledare");

        var response = await app.Admin.PostAsJsonAsync("/api/regions/facilitators", new { personId = person.Id }, RegionsApp.Json, Cancellation);
        var twice = await app.Admin.PostAsJsonAsync("/api/regions/facilitators", new { personId = person.Id }, RegionsApp.Json, Cancellation);

        var facilitator = await RegionsApp.ReadAsync<FacilitatorResponse>(response, HttpStatusCode.Created);
        Assert.Equal(consultancy.Name, facilitator.OrganisationName);
        var added = await app.PublishedAsync<FacilitatorAdded>(e => e.PersonId == person.Id);
        Assert.Equal((consultancy.Id, consultancy.Name, "Fanny Processledare", person.Email, "sv"),
            (added.OrganisationId, added.OrganisationName, added.Name, added.Email, added.PreferredLanguage));
        await RegionsApp.ProblemAsync(twice, HttpStatusCode.UnprocessableEntity, "facilitator.already-added");

        var listed = await app.ClientFor(TestUser.TeamMember(Guid.NewGuid()))
            .GetFromJsonAsync<PagedList<FacilitatorResponse>>($"/api/regions/facilitators?organisationId={consultancy.Id}", RegionsApp.Json, Cancellation);
        Assert.Equal(person.Id, Assert.Single(listed!.Items).PersonId);
        var directory = await app.Admin.GetFromJsonAsync<PersonResponse>($"/api/regions/people/{person.Id}", RegionsApp.Json, Cancellation);
        Assert.True(directory!.IsFacilitator);
    }

    [Fact]
    public async Task Only_people_of_a_consultancy_facilitate_and_only_administrators_appoint_them()
    {
        var region = await app.RegionAsync("17");
        var agency = await app.RegisterOrganisationAsync($"Verket {Guid.NewGuid():N}", OrganisationKind.Agency);
        var consultancy = await app.RegisterOrganisationAsync($"Konsult {Guid.NewGuid():N}", OrganisationKind.Consultancy);
        var regionPerson = await app.RegisterPersonAsync(region.Id);
        var agencyPerson = await app.RegisterPersonAsync(organisationId: agency.Id);
        var consultant = await app.RegisterPersonAsync(organisationId: consultancy.Id);

        var fromRegion = await app.Admin.PostAsJsonAsync("/api/regions/facilitators", new { personId = regionPerson.Id }, RegionsApp.Json, Cancellation);
        var fromAgency = await app.Admin.PostAsJsonAsync("/api/regions/facilitators", new { personId = agencyPerson.Id }, RegionsApp.Json, Cancellation);
        var byFacilitator = await app.ClientFor(TestUser.Facilitator()).PostAsJsonAsync("/api/regions/facilitators", new { personId = consultant.Id }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(fromRegion, HttpStatusCode.UnprocessableEntity, "facilitator.not-consultancy");
        await RegionsApp.ProblemAsync(fromAgency, HttpStatusCode.UnprocessableEntity, "facilitator.not-consultancy");
        await RegionsApp.ProblemAsync(byFacilitator, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Removing_a_facilitator_is_published()
    {
        var consultancy = await app.RegisterOrganisationAsync($"Konsult {Guid.NewGuid():N}", OrganisationKind.Consultancy);
        var person = await app.RegisterPersonAsync(organisationId: consultancy.Id);
        await app.Admin.PostAsJsonAsync("/api/regions/facilitators", new { personId = person.Id }, RegionsApp.Json, Cancellation);

        var removed = await app.Admin.DeleteAsync($"/api/regions/facilitators/{person.Id}", Cancellation);
        var again = await app.Admin.DeleteAsync($"/api/regions/facilitators/{person.Id}", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await app.PublishedAsync<FacilitatorRemoved>(e => e.PersonId == person.Id);
        await RegionsApp.ProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_administrator_forms_a_working_group_and_it_is_published()
    {
        var (programme, värmland, norrbotten, västerbotten, fromVärmland, fromNorrbotten) = await app.RegisterNorthernProgrammeAsync();

        var response = await app.Admin.PostAsJsonAsync(
            $"/api/regions/programmes/{programme.Id}/working-groups",
            new
            {
                topic = "Hållbarhetssäkring av projektmedel och företagsstöd",
                regionIds = new[] { värmland.Id, norrbotten.Id, västerbotten.Id },
                personIds = new[] { fromVärmland.Id, fromNorrbotten.Id },
            },
            RegionsApp.Json,
            Cancellation);

        var group = await RegionsApp.ReadAsync<WorkingGroupResponse>(response, HttpStatusCode.Created);
        Assert.Equal(["Region Norrbotten", "Region Värmland", "Region Västerbotten"], group.Regions.Select(r => r.Name));
        var changed = await app.PublishedAsync<WorkingGroupChanged>(e => e.WorkingGroupId == group.Id);
        Assert.Equal((programme.Id, "Hållbarhetssäkring av projektmedel och företagsstöd", false), (changed.ProgrammeId, changed.Topic, changed.Disbanded));
        Assert.Equal(new[] { värmland.Id, norrbotten.Id, västerbotten.Id }.Order(), changed.RegionIds.Order());
        Assert.Equal(new[] { fromVärmland.Id, fromNorrbotten.Id }.Order(), changed.PersonIds.Order());

        var listed = await app.ClientFor(TestUser.Politician(norrbotten.Id))
            .GetFromJsonAsync<PagedList<WorkingGroupResponse>>($"/api/regions/programmes/{programme.Id}/working-groups?regionId={norrbotten.Id}", RegionsApp.Json, Cancellation);
        Assert.Equal(group.Id, Assert.Single(listed!.Items).Id);
    }

    [Fact]
    public async Task Working_groups_span_regions_of_the_programme_and_their_people()
    {
        var värmland = await app.RegionAsync("17");
        var norrbotten = await app.RegionAsync("25");
        var kronoberg = await app.RegionAsync("07");
        var programme = await app.RegisterProgrammeAsync(värmland.Id, norrbotten.Id);
        var fromKronoberg = await app.RegisterPersonAsync(kronoberg.Id);
        var url = $"/api/regions/programmes/{programme.Id}/working-groups";

        var single = await app.Admin.PostAsJsonAsync(url, new { topic = "Ensam region", regionIds = new[] { värmland.Id } }, RegionsApp.Json, Cancellation);
        var outside = await app.Admin.PostAsJsonAsync(url, new { topic = "Utanför programmet", regionIds = new[] { värmland.Id, kronoberg.Id } }, RegionsApp.Json, Cancellation);
        var stranger = await app.Admin.PostAsJsonAsync(
            url, new { topic = "Främling", regionIds = new[] { värmland.Id, norrbotten.Id }, personIds = new[] { fromKronoberg.Id } }, RegionsApp.Json, Cancellation);
        var notMember = await app.ClientFor(TestUser.ProjectLeader(kronoberg.Id))
            .PostAsJsonAsync(url, new { topic = "Andras grupp", regionIds = new[] { värmland.Id, norrbotten.Id } }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(single, HttpStatusCode.UnprocessableEntity, "working-group.too-few-regions");
        await RegionsApp.ProblemAsync(outside, HttpStatusCode.UnprocessableEntity, "working-group.region-not-in-programme");
        await RegionsApp.ProblemAsync(stranger, HttpStatusCode.UnprocessableEntity, "working-group.person-outside-regions");
        await RegionsApp.ProblemAsync(notMember, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Changing_and_disbanding_a_working_group_need_its_version_and_are_published()
    {
        var (programme, värmland, norrbotten, västerbotten, _, _) = await app.RegisterNorthernProgrammeAsync();
        var group = await app.FormWorkingGroupAsync(programme.Id, "Hållbara platser", [värmland.Id, norrbotten.Id]);
        var url = $"/api/regions/working-groups/{group.Id}";

        var changed = await app.Admin.PutAsJsonAsync(
            url, new { topic = "Hållbara platser och besöksnäring", regionIds = new[] { värmland.Id, norrbotten.Id, västerbotten.Id }, version = group.Version },
            RegionsApp.Json, Cancellation);
        var stale = await app.Admin.PutAsJsonAsync(url, new { topic = "Tappad", regionIds = new[] { värmland.Id, norrbotten.Id }, version = group.Version }, RegionsApp.Json, Cancellation);
        var current = await RegionsApp.ReadAsync<WorkingGroupResponse>(changed, HttpStatusCode.OK);
        await RegionsApp.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(3, current.Regions.Count);

        var leaving = await app.Admin.DeleteAsync($"/api/regions/programmes/{programme.Id}/regions/{västerbotten.Id}", Cancellation);
        await RegionsApp.ProblemAsync(leaving, HttpStatusCode.UnprocessableEntity, "programme.region-in-working-group");

        var disbanded = await app.ClientFor(TestUser.ProjectLeader(västerbotten.Id))
            .PostAsJsonAsync($"{url}/disband", new { version = current.Version }, RegionsApp.Json, Cancellation);
        Assert.True((await RegionsApp.ReadAsync<WorkingGroupResponse>(disbanded, HttpStatusCode.OK)).Disbanded);
        await app.PublishedAsync<WorkingGroupChanged>(e => e.WorkingGroupId == group.Id && e.Disbanded);

        var active = await app.Admin.GetFromJsonAsync<PagedList<WorkingGroupResponse>>($"/api/regions/programmes/{programme.Id}/working-groups", RegionsApp.Json, Cancellation);
        var all = await app.Admin.GetFromJsonAsync<PagedList<WorkingGroupResponse>>(
            $"/api/regions/programmes/{programme.Id}/working-groups?includeDisbanded=true", RegionsApp.Json, Cancellation);
        Assert.Empty(active!.Items);
        Assert.Single(all!.Items);
    }
}
