namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>A region's team: who may change it, the role rules, completeness and the events.</summary>
public sealed class TeamApiTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_project_leader_adds_a_key_official_to_their_own_team_and_the_event_carries_what_invitations_need()
    {
        var värmland = await app.RegionAsync("17");
        var programme = await app.RegisterProgrammeAsync(värmland.Id);
        var official = await app.RegisterPersonAsync(värmland.Id, name: "Erika Ekström");
        var projectLeader = app.ClientFor(TestUser.ProjectLeader(värmland.Id));

        var response = await projectLeader.PostAsJsonAsync(
            $"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members",
            new { personId = official.Id, role = "KeyOfficial" },
            RegionsApp.Json,
            Cancellation);

        var team = await RegionsApp.ReadAsync<TeamResponse>(response, HttpStatusCode.Created);
        var member = Assert.Single(team.Members);
        Assert.Equal((official.Id, TeamRole.KeyOfficial), (member.PersonId, member.Role));
        Assert.Equal("1 of 4 key officials", team.Completeness.SummaryEnglish);

        var joined = await app.PublishedAsync<TeamMemberJoined>(e => e.PersonId == official.Id && e.ProgrammeId == programme.Id);
        Assert.Equal(värmland.Id, joined.RegionId);
        Assert.Equal("Region Värmland", joined.RegionName);
        Assert.Equal(TeamRole.KeyOfficial, joined.Role);
        Assert.Equal("Erika Ekström", joined.Name);
        Assert.Equal(official.Email, joined.Email);
        Assert.Equal("sv", joined.PreferredLanguage);
    }

    [Fact]
    public async Task A_project_leader_gets_403_for_another_regions_team_and_nothing_changes()
    {
        var värmland = await app.RegionAsync("17");
        var norrbotten = await app.RegionAsync("25");
        var programme = await app.RegisterProgrammeAsync(värmland.Id, norrbotten.Id);
        var official = await app.RegisterPersonAsync(norrbotten.Id);
        var värmlandsProjectLeader = app.ClientFor(TestUser.ProjectLeader(värmland.Id));

        var response = await värmlandsProjectLeader.PostAsJsonAsync(
            $"/api/regions/programmes/{programme.Id}/teams/{norrbotten.Id}/members",
            new { personId = official.Id, role = "KeyOfficial" },
            RegionsApp.Json,
            Cancellation);

        await RegionsApp.ProblemAsync(response, HttpStatusCode.Forbidden);
        var team = await app.Admin.GetFromJsonAsync<TeamResponse>($"/api/regions/programmes/{programme.Id}/teams/{norrbotten.Id}", RegionsApp.Json, Cancellation);
        Assert.Empty(team!.Members);
        Assert.DoesNotContain(app.Published<TeamMemberJoined>(), e => e.PersonId == official.Id);
    }

    [Fact]
    public async Task Team_members_without_the_project_leader_role_and_anonymous_callers_cannot_change_a_team()
    {
        var värmland = await app.RegionAsync("17");
        var programme = await app.RegisterProgrammeAsync(värmland.Id);
        var official = await app.RegisterPersonAsync(värmland.Id);
        var url = $"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members";
        var body = new { personId = official.Id, role = "KeyOfficial" };

        var asTeamMember = await app.ClientFor(TestUser.TeamMember(värmland.Id)).PostAsJsonAsync(url, body, RegionsApp.Json, Cancellation);
        var asPolitician = await app.ClientFor(TestUser.Politician(värmland.Id)).PostAsJsonAsync(url, body, RegionsApp.Json, Cancellation);
        var anonymous = await app.ClientFor(null).PostAsJsonAsync(url, body, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(asTeamMember, HttpStatusCode.Forbidden);
        await RegionsApp.ProblemAsync(asPolitician, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Completeness_counts_key_officials_against_the_programmes_expectation()
    {
        var värmland = await app.RegionAsync("17");
        var programme = await app.RegisterProgrammeAsync(värmland.Id);
        await app.AddMemberAsync(programme.Id, värmland.Id, (await app.RegisterPersonAsync(värmland.Id)).Id, TeamRole.ProjectLeader);
        for (var i = 0; i < 3; i++)
        {
            await app.AddMemberAsync(programme.Id, värmland.Id, (await app.RegisterPersonAsync(värmland.Id)).Id, TeamRole.KeyOfficial);
        }

        var team = await app.Admin.GetFromJsonAsync<TeamResponse>($"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}", RegionsApp.Json, Cancellation);

        Assert.Equal("3 of 4 key officials", team!.Completeness.SummaryEnglish);
        Assert.Equal("3 av 4 tjänstepersoner med nyckelfunktion", team.Completeness.Summary);
        Assert.False(team.Completeness.IsComplete);
        Assert.Equal(["1 tjänsteperson med nyckelfunktion saknas", "Politiker saknas"], team.Completeness.Missing);

        var list = await app.Admin.GetFromJsonAsync<PagedList<TeamSummaryResponse>>($"/api/regions/programmes/{programme.Id}/teams", RegionsApp.Json, Cancellation);
        var summary = Assert.Single(list!.Items);
        Assert.Equal((4, 3), (summary.MemberCount, summary.Completeness.KeyOfficials));
    }

    [Fact]
    public async Task A_fifth_key_official_and_a_second_politician_are_refused_with_the_rule_named()
    {
        var värmland = await app.RegionAsync("17");
        var programme = await app.RegisterProgrammeAsync(värmland.Id);
        for (var i = 0; i < 4; i++)
        {
            await app.AddMemberAsync(programme.Id, värmland.Id, (await app.RegisterPersonAsync(värmland.Id)).Id, TeamRole.KeyOfficial);
        }

        await app.AddMemberAsync(programme.Id, värmland.Id, (await app.RegisterPersonAsync(värmland.Id)).Id, TeamRole.Politician);
        var url = $"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members";

        var fifth = await app.Admin.PostAsJsonAsync(url, new { personId = (await app.RegisterPersonAsync(värmland.Id)).Id, role = "KeyOfficial" }, RegionsApp.Json, Cancellation);
        var secondPolitician = await app.Admin.PostAsJsonAsync(url, new { personId = (await app.RegisterPersonAsync(värmland.Id)).Id, role = "Politician" }, RegionsApp.Json, Cancellation);
        var substitute = await app.Admin.PostAsJsonAsync(url, new { personId = (await app.RegisterPersonAsync(värmland.Id)).Id, role = "SubstitutePolitician" }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(fifth, HttpStatusCode.UnprocessableEntity, "team.key-officials-full");
        await RegionsApp.ProblemAsync(secondPolitician, HttpStatusCode.UnprocessableEntity, "team.politician-taken");
        var team = await RegionsApp.ReadAsync<TeamResponse>(substitute, HttpStatusCode.Created);
        Assert.True(team.Completeness.HasSubstitutePolitician);
        Assert.Equal(6, team.Members.Count);
    }

    [Fact]
    public async Task A_person_of_another_region_or_twice_in_the_team_is_refused()
    {
        var värmland = await app.RegionAsync("17");
        var norrbotten = await app.RegionAsync("25");
        var programme = await app.RegisterProgrammeAsync(värmland.Id);
        var fromNorrbotten = await app.RegisterPersonAsync(norrbotten.Id);
        var fromVärmland = await app.RegisterPersonAsync(värmland.Id);
        await app.AddMemberAsync(programme.Id, värmland.Id, fromVärmland.Id, TeamRole.KeyOfficial);
        var url = $"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members";

        var stranger = await app.Admin.PostAsJsonAsync(url, new { personId = fromNorrbotten.Id, role = "KeyOfficial" }, RegionsApp.Json, Cancellation);
        var twice = await app.Admin.PostAsJsonAsync(url, new { personId = fromVärmland.Id, role = "ProjectLeader" }, RegionsApp.Json, Cancellation);
        var nobody = await app.Admin.PostAsJsonAsync(url, new { personId = Guid.NewGuid(), role = "KeyOfficial" }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(stranger, HttpStatusCode.UnprocessableEntity, "team.person-of-other-region");
        await RegionsApp.ProblemAsync(twice, HttpStatusCode.UnprocessableEntity, "team.already-member");
        await RegionsApp.ProblemAsync(nobody, HttpStatusCode.UnprocessableEntity, "person.unknown");
    }

    [Fact]
    public async Task Missing_or_unknown_roles_are_400_problems()
    {
        var värmland = await app.RegionAsync("17");
        var programme = await app.RegisterProgrammeAsync(värmland.Id);
        var person = await app.RegisterPersonAsync(värmland.Id);
        var url = $"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members";

        var missingRole = await app.Admin.PostAsJsonAsync(url, new { personId = person.Id }, RegionsApp.Json, Cancellation);
        var unknownRole = await app.Admin.PostAsJsonAsync(url, new { personId = person.Id, role = "Chef" }, RegionsApp.Json, Cancellation);
        var numericRole = await app.Admin.PostAsJsonAsync(url, new { personId = person.Id, role = 9 }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(missingRole, HttpStatusCode.BadRequest);
        await RegionsApp.ProblemAsync(unknownRole, HttpStatusCode.BadRequest);
        await RegionsApp.ProblemAsync(numericRole, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Changing_a_role_on_a_stale_version_is_409_and_a_current_one_publishes_the_update()
    {
        var värmland = await app.RegionAsync("17");
        var programme = await app.RegisterProgrammeAsync(värmland.Id);
        var person = await app.RegisterPersonAsync(värmland.Id);
        var team = await app.AddMemberAsync(programme.Id, värmland.Id, person.Id, TeamRole.KeyOfficial);
        var url = $"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members/{person.Id}";
        var projectLeader = app.ClientFor(TestUser.ProjectLeader(värmland.Id));

        var current = await projectLeader.PutAsJsonAsync(url, new { role = "ProjectLeader", version = team.Version }, RegionsApp.Json, Cancellation);
        var stale = await projectLeader.PutAsJsonAsync(url, new { role = "KeyOfficial", version = team.Version }, RegionsApp.Json, Cancellation);

        var changed = await RegionsApp.ReadAsync<TeamResponse>(current, HttpStatusCode.OK);
        Assert.Equal(TeamRole.ProjectLeader, Assert.Single(changed.Members).Role);
        Assert.Equal($"\"{changed.Version}\"", current.Headers.ETag?.Tag);
        await RegionsApp.ProblemAsync(stale, HttpStatusCode.Conflict);
        var updated = await app.PublishedAsync<TeamMemberUpdated>(e => e.PersonId == person.Id && e.ProgrammeId == programme.Id);
        Assert.Equal(TeamRole.ProjectLeader, updated.Role);

        var now = await app.Admin.GetFromJsonAsync<TeamResponse>($"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}", RegionsApp.Json, Cancellation);
        Assert.Equal(TeamRole.ProjectLeader, Assert.Single(now!.Members).Role);
    }

    [Fact]
    public async Task Removing_a_member_publishes_that_they_left()
    {
        var värmland = await app.RegionAsync("17");
        var programme = await app.RegisterProgrammeAsync(värmland.Id);
        var person = await app.RegisterPersonAsync(värmland.Id);
        await app.AddMemberAsync(programme.Id, värmland.Id, person.Id, TeamRole.Politician);

        var response = await app.ClientFor(TestUser.ProjectLeader(värmland.Id))
            .DeleteAsync($"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members/{person.Id}", Cancellation);

        var team = await RegionsApp.ReadAsync<TeamResponse>(response, HttpStatusCode.OK);
        Assert.Empty(team.Members);
        var left = await app.PublishedAsync<TeamMemberLeft>(e => e.PersonId == person.Id && e.ProgrammeId == programme.Id);
        Assert.Equal((värmland.Id, TeamRole.Politician), (left.RegionId, left.Role));

        var again = await app.Admin.DeleteAsync($"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members/{person.Id}", Cancellation);
        await RegionsApp.ProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_changes_based_on_the_same_version_do_not_both_succeed()
    {
        var värmland = await app.RegionAsync("17");
        var programme = await app.RegisterProgrammeAsync(värmland.Id);
        var first = await app.RegisterPersonAsync(värmland.Id);
        var second = await app.RegisterPersonAsync(värmland.Id);
        var team = await app.Admin.GetFromJsonAsync<TeamResponse>($"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}", RegionsApp.Json, Cancellation);
        var url = $"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members";

        var accepted = await app.Admin.PostAsJsonAsync(url, new { personId = first.Id, role = "Politician", version = team!.Version }, RegionsApp.Json, Cancellation);
        var refused = await app.Admin.PostAsJsonAsync(url, new { personId = second.Id, role = "Politician", version = team.Version }, RegionsApp.Json, Cancellation);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await RegionsApp.ProblemAsync(refused, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_team_that_does_not_exist_is_404()
    {
        var värmland = await app.RegionAsync("17");
        var programme = await app.RegisterProgrammeAsync();

        var response = await app.Admin.GetAsync($"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}", Cancellation);

        await RegionsApp.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
