namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>The directory of people: validation, who may register and edit, what readers see, the events.</summary>
public sealed class PeopleApiTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_a_person_publishes_what_notifications_and_accounts_need()
    {
        var halland = await app.RegionAsync("13");

        var response = await app.Admin.PostAsJsonAsync("/api/regions/people", new
        {
            name = "Hedda Halvarsson",
            email = "Hedda.Halvarsson@RegionHalland.example",
            phone = "070-174 06 60",
            title = "Näringslivsstrateg",
            regionId = halland.Id,
            preferredLanguage = "en",
            gender = "woman",
        }, RegionsApp.Json, Cancellation);

        var person = await RegionsApp.ReadAsync<PersonResponse>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/regions/people/{person.Id}", response.Headers.Location?.OriginalString);
        var registered = await app.PublishedAsync<PersonRegistered>(e => e.PersonId == person.Id);
        Assert.Equal("Hedda Halvarsson", registered.Name);
        Assert.Equal("Hedda.Halvarsson@RegionHalland.example", registered.Email);
        Assert.Equal("070-174 06 60", registered.Phone);
        Assert.Equal("Näringslivsstrateg", registered.Title);
        Assert.Equal((halland.Id, halland.Id, "Region Halland"), (registered.RegionId, registered.OrganisationId, registered.OrganisationName));
        Assert.Equal(("en", null), (registered.PreferredLanguage, registered.Gender));
        // Her gender reaches only the statistics, in an event of its own.
        Assert.Equal("woman", (await app.PublishedAsync<PersonGenderStated>(e => e.PersonId == person.Id)).Gender);
    }

    [Fact]
    public async Task Malformed_input_is_a_400_problem_naming_the_fields_and_registers_nobody()
    {
        var halland = await app.RegionAsync("13");
        var marker = Guid.NewGuid().ToString("N");

        var response = await app.Admin.PostAsJsonAsync("/api/regions/people", new
        {
            name = "",
            title = marker,
            email = "inte en adress",
            phone = "ring mig",
            regionId = halland.Id,
            preferredLanguage = "fi",
            gender = "unknown",
        }, RegionsApp.Json, Cancellation);

        var problem = await RegionsApp.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name.ToLowerInvariant()).ToList();
        Assert.Equal(["email", "gender", "name", "phone", "preferredlanguage"], errors.Order());
        var page = await app.Admin.GetFromJsonAsync<PagedList<PersonResponse>>($"/api/regions/people?search={marker}", RegionsApp.Json, Cancellation);
        Assert.Equal(0, page!.Total);
    }

    [Fact]
    public async Task One_person_per_e_mail_address_whatever_the_letter_case()
    {
        var halland = await app.RegionAsync("13");
        var email = $"{Guid.NewGuid():N}@regionhalland.example";
        await app.Admin.PostAsJsonAsync("/api/regions/people", new { name = "Första Personen", email, regionId = halland.Id }, RegionsApp.Json, Cancellation);

        var response = await app.Admin.PostAsJsonAsync(
            "/api/regions/people", new { name = "Andra Personen", email = email.ToUpperInvariant(), regionId = halland.Id }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "person.email-taken");
    }

    [Fact]
    public async Task A_person_belongs_to_exactly_one_region_or_organisation_that_exists()
    {
        var halland = await app.RegionAsync("13");
        var agency = await app.RegisterOrganisationAsync($"Myndigheten {Guid.NewGuid():N}", OrganisationKind.Agency);

        var both = await app.Admin.PostAsJsonAsync(
            "/api/regions/people", new { name = "Båda Två", email = $"{Guid.NewGuid():N}@x.example", regionId = halland.Id, organisationId = agency.Id },
            RegionsApp.Json, Cancellation);
        var neither = await app.Admin.PostAsJsonAsync("/api/regions/people", new { name = "Ingen Alls", email = $"{Guid.NewGuid():N}@x.example" }, RegionsApp.Json, Cancellation);
        var unknown = await app.Admin.PostAsJsonAsync(
            "/api/regions/people", new { name = "Okänd Region", email = $"{Guid.NewGuid():N}@x.example", regionId = Guid.NewGuid() }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(both, HttpStatusCode.UnprocessableEntity, "person.affiliation");
        await RegionsApp.ProblemAsync(neither, HttpStatusCode.UnprocessableEntity, "person.affiliation");
        await RegionsApp.ProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "region.unknown");
    }

    [Fact]
    public async Task A_project_leader_registers_people_in_their_own_region_only()
    {
        var halland = await app.RegionAsync("13");
        var kronoberg = await app.RegionAsync("07");
        var projectLeader = app.ClientFor(TestUser.ProjectLeader(halland.Id));

        var own = await projectLeader.PostAsJsonAsync(
            "/api/regions/people", new { name = "Egen Medarbetare", email = $"{Guid.NewGuid():N}@regionhalland.example", regionId = halland.Id }, RegionsApp.Json, Cancellation);
        var other = await projectLeader.PostAsJsonAsync(
            "/api/regions/people", new { name = "Annans Medarbetare", email = $"{Guid.NewGuid():N}@regionkronoberg.example", regionId = kronoberg.Id }, RegionsApp.Json, Cancellation);
        var asTeamMember = await app.ClientFor(TestUser.TeamMember(halland.Id)).PostAsJsonAsync(
            "/api/regions/people", new { name = "Någon Annan", email = $"{Guid.NewGuid():N}@regionhalland.example", regionId = halland.Id }, RegionsApp.Json, Cancellation);

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await RegionsApp.ProblemAsync(other, HttpStatusCode.Forbidden);
        await RegionsApp.ProblemAsync(asTeamMember, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_project_leader_of_two_regions_registers_people_in_both_and_a_politician_in_neither()
    {
        var halland = await app.RegionAsync("13");
        var kronoberg = await app.RegionAsync("07");
        var skåne = await app.RegionAsync("12");
        var leaderOfBoth = app.ClientFor(TestUser.ProjectLeader(halland.Id).AlsoIn(kronoberg.Id));
        var politician = app.ClientFor(TestUser.Politician(halland.Id));

        var responses = new List<HttpResponseMessage>();
        foreach (var (client, region) in new[] { (leaderOfBoth, halland), (leaderOfBoth, kronoberg), (leaderOfBoth, skåne), (politician, halland) })
        {
            responses.Add(await client.PostAsJsonAsync(
                "/api/regions/people", new { name = "Ny Medarbetare", email = $"{Guid.NewGuid():N}@region.example", regionId = region.Id }, RegionsApp.Json, Cancellation));
        }

        Assert.Equal(HttpStatusCode.Created, responses[0].StatusCode);
        Assert.Equal(HttpStatusCode.Created, responses[1].StatusCode);
        await RegionsApp.ProblemAsync(responses[2], HttpStatusCode.Forbidden);
        await RegionsApp.ProblemAsync(responses[3], HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_regions_politician_shows_no_e_mail_or_phone_unless_they_allowed_it()
    {
        var halland = await app.RegionAsync("13");
        var kronoberg = await app.RegionAsync("07");
        var programme = await app.RegisterProgrammeAsync(halland.Id);
        var private_ = await app.RegisterPersonAsync(halland.Id, name: "Politiker Privat");
        var sharing = await app.RegisterPersonAsync(halland.Id, name: "Politiker Delar", shareContactDetails: true);
        var official = await app.RegisterPersonAsync(halland.Id, name: "Tjänsteperson Öppen");
        await app.AddMemberAsync(programme.Id, halland.Id, private_.Id, TeamRole.Politician);
        await app.AddMemberAsync(programme.Id, halland.Id, sharing.Id, TeamRole.SubstitutePolitician);
        await app.AddMemberAsync(programme.Id, halland.Id, official.Id, TeamRole.KeyOfficial);

        var fromKronoberg = await app.ClientFor(TestUser.TeamMember(kronoberg.Id))
            .GetFromJsonAsync<PersonResponse>($"/api/regions/people/{private_.Id}", RegionsApp.Json, Cancellation);
        var fromHalland = await app.ClientFor(TestUser.TeamMember(halland.Id))
            .GetFromJsonAsync<PersonResponse>($"/api/regions/people/{private_.Id}", RegionsApp.Json, Cancellation);
        var facilitatorsView = await app.ClientFor(TestUser.Facilitator())
            .GetFromJsonAsync<PagedList<PersonResponse>>($"/api/regions/people?regionId={halland.Id}&programmeId={programme.Id}", RegionsApp.Json, Cancellation);
        var teamFromKronoberg = await app.ClientFor(TestUser.ProjectLeader(kronoberg.Id))
            .GetFromJsonAsync<TeamResponse>($"/api/regions/programmes/{programme.Id}/teams/{halland.Id}", RegionsApp.Json, Cancellation);

        Assert.Equal((null, null, true), (fromKronoberg!.Email, fromKronoberg.Phone, fromKronoberg.ContactHidden));
        Assert.Equal((private_.Email, "070-174 06 50", false), (fromHalland!.Email, fromHalland.Phone, fromHalland.ContactHidden));
        var byName = facilitatorsView!.Items.ToDictionary(p => p.Name);
        Assert.Null(byName["Politiker Privat"].Email);
        Assert.Equal(sharing.Email, byName["Politiker Delar"].Email);
        Assert.Equal(official.Email, byName["Tjänsteperson Öppen"].Email);
        var hidden = Assert.Single(teamFromKronoberg!.Members, m => m.ContactHidden);
        Assert.Equal((private_.Id, null, null), (hidden.PersonId, hidden.Email, hidden.Phone));
    }

    [Fact]
    public async Task Self_declared_gender_is_shown_only_to_the_person_and_administrators()
    {
        var halland = await app.RegionAsync("13");
        var person = await app.RegisterPersonAsync(halland.Id, gender: "non-binary");
        var url = $"/api/regions/people/{person.Id}";

        var self = await app.ClientFor(TestUser.TeamMember(halland.Id).WithPerson(person.Id)).GetFromJsonAsync<PersonResponse>(url, RegionsApp.Json, Cancellation);
        var colleague = await app.ClientFor(TestUser.ProjectLeader(halland.Id)).GetFromJsonAsync<PersonResponse>(url, RegionsApp.Json, Cancellation);
        var admin = await app.Admin.GetFromJsonAsync<PersonResponse>(url, RegionsApp.Json, Cancellation);

        Assert.Equal("non-binary", self!.Gender);
        Assert.Null(colleague!.Gender);
        Assert.Equal("non-binary", admin!.Gender);
    }

    [Fact]
    public async Task The_directory_pages_and_filters_with_the_total_in_the_response()
    {
        var kronoberg = await app.RegionAsync("07");
        var programme = await app.RegisterProgrammeAsync(kronoberg.Id);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var people = new List<PersonResponse>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await app.RegisterPersonAsync(kronoberg.Id, name: $"Örjan {marker} {i}"));
        }

        await app.AddMemberAsync(programme.Id, kronoberg.Id, people[0].Id, TeamRole.KeyOfficial);
        await app.AddMemberAsync(programme.Id, kronoberg.Id, people[1].Id, TeamRole.KeyOfficial);
        await app.AddMemberAsync(programme.Id, kronoberg.Id, people[2].Id, TeamRole.ProjectLeader);
        var reader = app.ClientFor(TestUser.Politician(kronoberg.Id));

        var second = await reader.GetFromJsonAsync<PagedList<PersonResponse>>($"/api/regions/people?search=ÖRJAN%20{marker}&page=2&pageSize=2", RegionsApp.Json, Cancellation);
        var keyOfficials = await reader.GetFromJsonAsync<PagedList<PersonResponse>>(
            $"/api/regions/people?search={marker}&role=KeyOfficial&programmeId={programme.Id}", RegionsApp.Json, Cancellation);
        var inRegion = await reader.GetFromJsonAsync<PagedList<PersonResponse>>($"/api/regions/people?regionId={kronoberg.Id}&search={marker}", RegionsApp.Json, Cancellation);

        Assert.Equal((5, 2, 2), (second!.Total, second.Page, second.PageSize));
        Assert.Equal([$"Örjan {marker} 2", $"Örjan {marker} 3"], second.Items.Select(p => p.Name));
        Assert.Equal([people[0].Id, people[1].Id], keyOfficials!.Items.Select(p => p.Id));
        Assert.Equal(2, keyOfficials.Total);
        Assert.Equal(5, inRegion!.Total);
        Assert.All(keyOfficials.Items, p => Assert.Equal(TeamRole.KeyOfficial, Assert.Single(p.Teams).Role));
    }

    [Fact]
    public async Task Out_of_range_paging_and_unknown_roles_are_400_problems()
    {
        var tooBig = await app.Admin.GetAsync("/api/regions/people?pageSize=1000", Cancellation);
        var zeroPage = await app.Admin.GetAsync("/api/regions/people?page=0", Cancellation);
        var unknownRole = await app.Admin.GetAsync("/api/regions/people?role=Chef", Cancellation);

        await RegionsApp.ProblemAsync(tooBig, HttpStatusCode.BadRequest);
        await RegionsApp.ProblemAsync(zeroPage, HttpStatusCode.BadRequest);
        await RegionsApp.ProblemAsync(unknownRole, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("page=2147483647", "page")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task Pages_outside_the_bounds_are_400_problems_naming_the_field(string query, string field)
    {
        var response = await app.Admin.GetAsync($"/api/regions/people?{query}", Cancellation);

        var problem = await RegionsApp.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task People_update_their_own_details_and_their_teams_hear_of_it()
    {
        var halland = await app.RegionAsync("13");
        var programme = await app.RegisterProgrammeAsync(halland.Id);
        var person = await app.RegisterPersonAsync(halland.Id, name: "Gammalt Namn");
        await app.AddMemberAsync(programme.Id, halland.Id, person.Id, TeamRole.KeyOfficial);
        var self = app.ClientFor(TestUser.TeamMember(halland.Id).WithPerson(person.Id));

        var response = await self.PutAsJsonAsync($"/api/regions/people/{person.Id}", new
        {
            name = "Nytt Namn",
            email = person.Email,
            title = "Hållbarhetsstrateg",
            regionId = halland.Id,
            preferredLanguage = "en",
            gender = "man",
            shareContactDetails = true,
            version = person.Version,
        }, RegionsApp.Json, Cancellation);

        var updated = await RegionsApp.ReadAsync<PersonResponse>(response, HttpStatusCode.OK);
        Assert.Equal(("Nytt Namn", "en", person.Version + 1), (updated.Name, updated.PreferredLanguage, updated.Version));
        var personUpdated = await app.PublishedAsync<PersonUpdated>(e => e.PersonId == person.Id);
        Assert.Equal(("Nytt Namn", "Hållbarhetsstrateg", null), (personUpdated.Name, personUpdated.Title, personUpdated.Gender));
        // Gender goes only to the statistics, in an event of its own.
        Assert.Equal("man", (await app.PublishedAsync<PersonGenderStated>(e => e.PersonId == person.Id)).Gender);
        var memberUpdated = await app.PublishedAsync<TeamMemberUpdated>(e => e.PersonId == person.Id && e.ProgrammeId == programme.Id);
        Assert.Equal(("Nytt Namn", TeamRole.KeyOfficial, "en"), (memberUpdated.Name, memberUpdated.Role, memberUpdated.PreferredLanguage));
    }

    [Fact]
    public async Task A_stale_update_is_409_and_changes_nothing()
    {
        var halland = await app.RegionAsync("13");
        var person = await app.RegisterPersonAsync(halland.Id, name: "Först Sparad");
        var url = $"/api/regions/people/{person.Id}";
        object Update(string name) => new { name, email = person.Email, regionId = halland.Id, preferredLanguage = "sv", shareContactDetails = false, version = person.Version };

        var first = await app.Admin.PutAsJsonAsync(url, Update("Andra Versionen"), RegionsApp.Json, Cancellation);
        var stale = await app.Admin.PutAsJsonAsync(url, Update("Tappad Uppdatering"), RegionsApp.Json, Cancellation);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await RegionsApp.ProblemAsync(stale, HttpStatusCode.Conflict);
        var now = await app.Admin.GetFromJsonAsync<PersonResponse>(url, RegionsApp.Json, Cancellation);
        Assert.Equal("Andra Versionen", now!.Name);
    }

    [Fact]
    public async Task Others_cannot_edit_a_person_and_only_administrators_move_people_between_regions()
    {
        var halland = await app.RegionAsync("13");
        var kronoberg = await app.RegionAsync("07");
        var person = await app.RegisterPersonAsync(halland.Id);
        var url = $"/api/regions/people/{person.Id}";
        object MoveTo(Guid regionId) => new { name = person.Name, email = person.Email, regionId, preferredLanguage = "sv", shareContactDetails = false, version = person.Version };

        var byOtherRegion = await app.ClientFor(TestUser.ProjectLeader(kronoberg.Id)).PutAsJsonAsync(url, MoveTo(halland.Id), RegionsApp.Json, Cancellation);
        var byColleague = await app.ClientFor(TestUser.TeamMember(halland.Id)).PutAsJsonAsync(url, MoveTo(halland.Id), RegionsApp.Json, Cancellation);
        var movedByProjectLeader = await app.ClientFor(TestUser.ProjectLeader(halland.Id)).PutAsJsonAsync(url, MoveTo(kronoberg.Id), RegionsApp.Json, Cancellation);
        var movedByAdministrator = await app.Admin.PutAsJsonAsync(url, MoveTo(kronoberg.Id), RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(byOtherRegion, HttpStatusCode.Forbidden);
        await RegionsApp.ProblemAsync(byColleague, HttpStatusCode.Forbidden);
        await RegionsApp.ProblemAsync(movedByProjectLeader, HttpStatusCode.Forbidden);
        var moved = await RegionsApp.ReadAsync<PersonResponse>(movedByAdministrator, HttpStatusCode.OK);
        Assert.Equal((kronoberg.Id, "Region Kronoberg"), (moved.RegionId, moved.RegionName));
    }

    [Fact]
    public async Task A_team_member_cannot_be_moved_to_another_region()
    {
        var halland = await app.RegionAsync("13");
        var kronoberg = await app.RegionAsync("07");
        var programme = await app.RegisterProgrammeAsync(halland.Id);
        var person = await app.RegisterPersonAsync(halland.Id);
        await app.AddMemberAsync(programme.Id, halland.Id, person.Id, TeamRole.KeyOfficial);

        var response = await app.Admin.PutAsJsonAsync($"/api/regions/people/{person.Id}", new
        {
            name = person.Name,
            email = person.Email,
            regionId = kronoberg.Id,
            preferredLanguage = "sv",
            shareContactDetails = false,
            version = person.Version,
        }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "person.team-member");
    }

    [Fact]
    public async Task Me_is_the_signed_in_persons_own_entry()
    {
        var halland = await app.RegionAsync("13");
        var person = await app.RegisterPersonAsync(halland.Id, name: "Jag Själv");

        var me = await app.ClientFor(TestUser.TeamMember(halland.Id).WithPerson(person.Id)).GetFromJsonAsync<PersonResponse>("/api/regions/people/me", RegionsApp.Json, Cancellation);
        var stranger = await app.ClientFor(TestUser.Facilitator()).GetAsync("/api/regions/people/me", Cancellation);

        Assert.Equal("Jag Själv", me!.Name);
        await RegionsApp.ProblemAsync(stranger, HttpStatusCode.NotFound);
    }
}
