using KollegialtUtbyte.Regions.Tests.Api;

namespace KollegialtUtbyte.Regions.Tests.Security;

/// <summary>
/// The e-mail address is the sign-in name and where password resets go: a changed address waits
/// for its owner's confirmation and the directory does not publish it before; only an
/// administrator sets one directly, and that is audited.
/// </summary>
public sealed class EmailChangeSecurityTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_project_leaders_change_of_a_colleagues_address_is_only_requested_and_the_old_address_stays_published()
    {
        var halland = await app.RegionAsync("13");
        var programme = await app.RegisterProgrammeAsync(halland.Id);
        var colleague = await app.RegisterPersonAsync(halland.Id, name: "Kollega Kvar");
        await app.AddMemberAsync(programme.Id, halland.Id, colleague.Id, TeamRole.KeyOfficial);
        var projectLeader = TestUser.ProjectLeader(halland.Id);
        var newEmail = $"{Guid.NewGuid():N}@angripare.example";

        var response = await app.ClientFor(projectLeader).PutAsJsonAsync($"/api/regions/people/{colleague.Id}", Update(colleague, newEmail), RegionsApp.Json, Cancellation);

        var updated = await RegionsApp.ReadAsync<PersonResponse>(response, HttpStatusCode.OK);
        Assert.Equal((colleague.Email, newEmail), (updated.Email, updated.PendingEmail));
        var requested = await app.PublishedAsync<PersonEmailChangeRequested>(e => e.PersonId == colleague.Id);
        Assert.Equal((colleague.Email, newEmail, projectLeader.PersonId), (requested.CurrentEmail, requested.NewEmail, requested.RequestedBy));
        Assert.DoesNotContain(app.Published<PersonUpdated>(), e => e.PersonId == colleague.Id && e.Email == newEmail);
        Assert.DoesNotContain(app.Published<TeamMemberUpdated>(), e => e.PersonId == colleague.Id && e.Email == newEmail);
        Assert.All(app.Published<PersonUpdated>().Where(e => e.PersonId == colleague.Id), e => Assert.Equal(colleague.Email, e.Email));
    }

    [Fact]
    public async Task The_confirmed_change_is_adopted_and_published_and_a_stopped_one_is_dropped()
    {
        var halland = await app.RegionAsync("13");
        var programme = await app.RegisterProgrammeAsync(halland.Id);
        var confirming = await app.RegisterPersonAsync(halland.Id, name: "Bekräftar Bytet");
        var stopping = await app.RegisterPersonAsync(halland.Id, name: "Stoppar Bytet");
        await app.AddMemberAsync(programme.Id, halland.Id, confirming.Id, TeamRole.KeyOfficial);
        var projectLeader = app.ClientFor(TestUser.ProjectLeader(halland.Id));
        var confirmedEmail = $"{Guid.NewGuid():N}@regionhalland.example";
        var stoppedEmail = $"{Guid.NewGuid():N}@regionhalland.example";
        await projectLeader.PutAsJsonAsync($"/api/regions/people/{confirming.Id}", Update(confirming, confirmedEmail), RegionsApp.Json, Cancellation);
        await projectLeader.PutAsJsonAsync($"/api/regions/people/{stopping.Id}", Update(stopping, stoppedEmail), RegionsApp.Json, Cancellation);
        var toConfirm = await app.PublishedAsync<PersonEmailChangeRequested>(e => e.PersonId == confirming.Id);
        var toStop = await app.PublishedAsync<PersonEmailChangeRequested>(e => e.PersonId == stopping.Id);

        await app.Factory.Harness.Bus.Publish(new PersonEmailChangeConfirmed(toConfirm.ChangeId, confirming.Id, confirmedEmail, DateTimeOffset.UtcNow), Cancellation);
        await app.Factory.Harness.Bus.Publish(new PersonEmailChangeCancelled(toStop.ChangeId, stopping.Id, DateTimeOffset.UtcNow), Cancellation);

        await app.PublishedAsync<PersonUpdated>(e => e.PersonId == confirming.Id && e.Email == confirmedEmail);
        await app.PublishedAsync<TeamMemberUpdated>(e => e.PersonId == confirming.Id && e.Email == confirmedEmail);
        var stopped = await Eventually.UntilAsync(
            () => app.Admin.GetFromJsonAsync<PersonResponse>($"/api/regions/people/{stopping.Id}", RegionsApp.Json, Cancellation),
            p => p!.PendingEmail is null,
            "the stopped change is no longer pending");
        Assert.Equal(stopping.Email, stopped!.Email);
        var confirmed = await app.Admin.GetFromJsonAsync<PersonResponse>($"/api/regions/people/{confirming.Id}", RegionsApp.Json, Cancellation);
        Assert.Equal((confirmedEmail, null), (confirmed!.Email, confirmed.PendingEmail));
        var audit = await app.Admin.GetFromJsonAsync<List<EmailChangeAuditResponse>>($"/api/regions/people/{confirming.Id}/email-changes", RegionsApp.Json, Cancellation);
        Assert.Equal([EmailChangeStep.Confirmed, EmailChangeStep.Requested], audit!.Select(a => a.Step));
    }

    [Fact]
    public async Task A_confirmation_of_a_replaced_request_adopts_nothing()
    {
        var halland = await app.RegionAsync("13");
        var person = await app.RegisterPersonAsync(halland.Id);
        var projectLeader = app.ClientFor(TestUser.ProjectLeader(halland.Id));
        var first = $"{Guid.NewGuid():N}@regionhalland.example";
        var second = $"{Guid.NewGuid():N}@regionhalland.example";
        var afterFirst = await RegionsApp.ReadAsync<PersonResponse>(
            await projectLeader.PutAsJsonAsync($"/api/regions/people/{person.Id}", Update(person, first), RegionsApp.Json, Cancellation), HttpStatusCode.OK);
        await RegionsApp.ReadAsync<PersonResponse>(
            await projectLeader.PutAsJsonAsync($"/api/regions/people/{person.Id}", Update(afterFirst, second), RegionsApp.Json, Cancellation), HttpStatusCode.OK);
        var replaced = await app.PublishedAsync<PersonEmailChangeRequested>(e => e.PersonId == person.Id && e.NewEmail == first);
        var current = await app.PublishedAsync<PersonEmailChangeRequested>(e => e.PersonId == person.Id && e.NewEmail == second);

        await app.Factory.Harness.Bus.Publish(new PersonEmailChangeConfirmed(replaced.ChangeId, person.Id, first, DateTimeOffset.UtcNow), Cancellation);
        await app.Factory.Harness.Bus.Publish(new PersonEmailChangeConfirmed(current.ChangeId, person.Id, second, DateTimeOffset.UtcNow), Cancellation);

        await app.PublishedAsync<PersonUpdated>(e => e.PersonId == person.Id && e.Email == second);
        Assert.DoesNotContain(app.Published<PersonUpdated>(), e => e.PersonId == person.Id && e.Email == first);
    }

    [Fact]
    public async Task Only_an_administrator_sets_an_address_directly_and_administrators_alone_read_the_audit()
    {
        var halland = await app.RegionAsync("13");
        var person = await app.RegisterPersonAsync(halland.Id);
        var projectLeader = app.ClientFor(TestUser.ProjectLeader(halland.Id));
        var newEmail = $"{Guid.NewGuid():N}@regionhalland.example";
        var url = $"/api/regions/people/{person.Id}";

        var byProjectLeader = await projectLeader.PutAsJsonAsync(url, Update(person, newEmail, setEmailDirectly: true), RegionsApp.Json, Cancellation);
        await RegionsApp.ProblemAsync(byProjectLeader, HttpStatusCode.Forbidden);
        var unchanged = await app.Admin.GetFromJsonAsync<PersonResponse>(url, RegionsApp.Json, Cancellation);
        Assert.Equal((person.Email, null, person.Version), (unchanged!.Email, unchanged.PendingEmail, unchanged.Version));

        var administrator = TestUser.Administrator();
        var byAdministrator = await app.ClientFor(administrator).PutAsJsonAsync(url, Update(person, newEmail, setEmailDirectly: true), RegionsApp.Json, Cancellation);

        Assert.Equal(newEmail, (await RegionsApp.ReadAsync<PersonResponse>(byAdministrator, HttpStatusCode.OK)).Email);
        await app.PublishedAsync<PersonUpdated>(e => e.PersonId == person.Id && e.Email == newEmail);
        var set = await app.PublishedAsync<PersonEmailChangedByAdministrator>(e => e.PersonId == person.Id);
        Assert.Equal((person.Email, newEmail, administrator.PersonId), (set.PreviousEmail, set.NewEmail, set.AdministratorId));
        var audit = await app.Admin.GetFromJsonAsync<List<EmailChangeAuditResponse>>($"{url}/email-changes", RegionsApp.Json, Cancellation);
        var entry = Assert.Single(audit!);
        Assert.Equal((EmailChangeStep.SetByAdministrator, person.Email, newEmail, administrator.PersonId, administrator.Name),
            (entry.Step, entry.PreviousEmail, entry.NewEmail, entry.ChangedBy, entry.ChangedByName));
        await RegionsApp.ProblemAsync(await projectLeader.GetAsync($"{url}/email-changes", Cancellation), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_address_waiting_for_confirmation_is_taken_for_everybody_else()
    {
        var halland = await app.RegionAsync("13");
        var person = await app.RegisterPersonAsync(halland.Id);
        var other = await app.RegisterPersonAsync(halland.Id);
        var pending = $"{Guid.NewGuid():N}@regionhalland.example";
        var projectLeader = app.ClientFor(TestUser.ProjectLeader(halland.Id));
        await RegionsApp.ReadAsync<PersonResponse>(
            await projectLeader.PutAsJsonAsync($"/api/regions/people/{person.Id}", Update(person, pending), RegionsApp.Json, Cancellation), HttpStatusCode.OK);

        var registering = await app.Admin.PostAsJsonAsync(
            "/api/regions/people", new { name = "Tar Adressen", email = pending.ToUpperInvariant(), regionId = halland.Id }, RegionsApp.Json, Cancellation);
        var changing = await projectLeader.PutAsJsonAsync($"/api/regions/people/{other.Id}", Update(other, pending), RegionsApp.Json, Cancellation);
        var takingInUse = await projectLeader.PutAsJsonAsync($"/api/regions/people/{other.Id}", Update(other, person.Email!), RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(registering, HttpStatusCode.UnprocessableEntity, "person.email-taken");
        await RegionsApp.ProblemAsync(changing, HttpStatusCode.UnprocessableEntity, "person.email-taken");
        await RegionsApp.ProblemAsync(takingInUse, HttpStatusCode.UnprocessableEntity, "person.email-taken");
    }

    private static object Update(PersonResponse person, string email, bool setEmailDirectly = false) => new
    {
        name = person.Name,
        email,
        phone = person.Phone,
        title = person.Title,
        regionId = person.RegionId,
        organisationId = person.OrganisationId,
        preferredLanguage = person.PreferredLanguage,
        shareContactDetails = person.ShareContactDetails,
        version = person.Version,
        setEmailDirectly,
    };
}
