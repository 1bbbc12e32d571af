using System.Text.Json;
using KollegialtUtbyte.Regions.Domain;
using KollegialtUtbyte.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>
/// The right to erasure: the person or an administrator asks, an administrator decides, the
/// directory pseudonymises her at once in every answer that shows people, and the erasure is
/// complete when every service answered (here the test answers for the others).
/// </summary>
public sealed class PersonalDataErasureTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly string[] OtherServices = ["identity", "meetings", "feedback", "notifications"];

    [Fact]
    public async Task The_person_herself_or_an_administrator_asks_and_nobody_else()
    {
        var halland = await app.RegionAsync("13");
        var person = await RegisterAsync(halland.Id, null, "Hedvig");
        var colleague = await RegisterAsync(halland.Id, null, "Holger");
        var path = $"/api/regions/people/{person.Id}/erasures";
        var herself = app.ClientFor(TestUser.TeamMember(halland.Id).WithPerson(person.Id));

        var asked = await herself.PostAsJsonAsync(path, new { reason = "Jag har lämnat regionen." }, RegionsApp.Json, Cancellation);

        var erasure = await RegionsApp.ReadAsync<PersonalDataErasureResponse>(asked, HttpStatusCode.Accepted);
        Assert.Equal($"/api/regions/erasures/{erasure.Id}", asked.Headers.Location?.OriginalString);
        Assert.Equal((person.Id, person.Name, PersonalDataErasureState.Requested, true, "Jag har lämnat regionen.", (DateTimeOffset?)null),
            (erasure.PersonId, erasure.PersonName, erasure.State, erasure.RequestedBySelf, erasure.Reason, erasure.DecidedAt));
        Assert.Equal(PersonalDataErasure.Services, erasure.Services.Select(s => s.Service));
        Assert.All(erasure.Services, s => Assert.False(s.Erased));

        // An open request is answered again, not doubled; an administrator asking finds the same one.
        var again = await RegionsApp.ReadAsync<PersonalDataErasureResponse>(await app.Admin.PostAsync(path, null, Cancellation), HttpStatusCode.Accepted);
        Assert.Equal(erasure.Id, again.Id);

        var projectLeader = app.ClientFor(TestUser.ProjectLeader(halland.Id));
        var stranger = app.ClientFor(TestUser.TeamMember(halland.Id).WithPerson(colleague.Id));
        foreach (var other in new[] { projectLeader, stranger })
        {
            await RegionsApp.ProblemAsync(await other.PostAsJsonAsync(path, new { reason = "Hon vill det." }, RegionsApp.Json, Cancellation), HttpStatusCode.Forbidden);
            await RegionsApp.ProblemAsync(await other.GetAsync(path, Cancellation), HttpStatusCode.Forbidden);
            await RegionsApp.ProblemAsync(await other.GetAsync($"/api/regions/erasures/{erasure.Id}", Cancellation), HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/regions/erasures", Cancellation)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/regions/erasures/{erasure.Id}/decision", new { approve = true }, RegionsApp.Json, Cancellation)).StatusCode);
        }

        // She may not decide her own request either: deciding is for administrators.
        Assert.Equal(HttpStatusCode.Forbidden, (await herself.PostAsJsonAsync($"/api/regions/erasures/{erasure.Id}/decision", new { approve = true }, RegionsApp.Json, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientFor(null).PostAsync(path, null, Cancellation)).StatusCode);
        await RegionsApp.ProblemAsync(await app.Admin.PostAsync($"/api/regions/people/{Guid.NewGuid()}/erasures", null, Cancellation), HttpStatusCode.NotFound);
        await RegionsApp.ProblemAsync(await app.Admin.GetAsync($"/api/regions/erasures/{Guid.NewGuid()}", Cancellation), HttpStatusCode.NotFound);

        var hers = await herself.GetFromJsonAsync<List<PersonalDataErasureResponse>>(path, RegionsApp.Json, Cancellation);
        Assert.Equal([erasure.Id], hers!.Select(e => e.Id));
        Assert.Equal(erasure.Id, (await herself.GetFromJsonAsync<PersonalDataErasureResponse>($"/api/regions/erasures/{erasure.Id}", RegionsApp.Json, Cancellation))!.Id);
        var waiting = await app.Admin.GetFromJsonAsync<PagedList<PersonalDataErasureResponse>>("/api/regions/erasures?state=Requested&page=1&pageSize=100", RegionsApp.Json, Cancellation);
        Assert.Contains(waiting!.Items, e => e.Id == erasure.Id);
        Assert.All(waiting.Items, e => Assert.Equal(PersonalDataErasureState.Requested, e.State));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Admin.GetAsync("/api/regions/erasures?state=Gone", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Declining_needs_a_reason_a_decision_is_final_and_she_may_ask_again()
    {
        var halland = await app.RegionAsync("13");
        var person = await RegisterAsync(halland.Id, null, "Dagny");
        var erasure = await RequestAsync(person.Id);
        var decision = $"/api/regions/erasures/{erasure.Id}/decision";

        var unexplained = await app.Admin.PostAsJsonAsync(decision, new { approve = false }, RegionsApp.Json, Cancellation);
        await RegionsApp.ProblemAsync(unexplained, HttpStatusCode.UnprocessableEntity, rule: "reason");

        var declined = await RegionsApp.ReadAsync<PersonalDataErasureResponse>(
            await app.Admin.PostAsJsonAsync(decision, new { approve = false, reason = "Uppgifterna ingår i diarieförda handlingar." }, RegionsApp.Json, Cancellation), HttpStatusCode.OK);
        Assert.Equal((PersonalDataErasureState.Declined, "Uppgifterna ingår i diarieförda handlingar.", person.Name), (declined.State, declined.DecisionReason, declined.PersonName));
        Assert.NotNull(declined.DecidedAt);

        await RegionsApp.ProblemAsync(await app.Admin.PostAsJsonAsync(decision, new { approve = true }, RegionsApp.Json, Cancellation), HttpStatusCode.Conflict, rule: ErasureRules.AlreadyDecided);
        Assert.DoesNotContain(app.Published<PersonalDataErasureDecided>(), e => e.PersonId == person.Id);
        var unchanged = await app.Admin.GetFromJsonAsync<PersonResponse>($"/api/regions/people/{person.Id}", RegionsApp.Json, Cancellation);
        Assert.Equal((person.Name, person.Email), (unchanged!.Name, unchanged.Email));

        var newRequest = await RequestAsync(person.Id);
        Assert.NotEqual(erasure.Id, newRequest.Id);
    }

    [Fact]
    public async Task Once_approved_no_answer_of_the_directory_names_her_and_she_cannot_come_back()
    {
        var värmland = await app.RegionAsync("17");
        var norrbotten = await app.RegionAsync("25");
        var programme = await app.RegisterProgrammeAsync(värmland.Id, norrbotten.Id);
        var consultancy = await app.RegisterOrganisationAsync($"Konsultbyrån {Guid.NewGuid():N}", OrganisationKind.Consultancy);
        var member = await RegisterAsync(värmland.Id, null, "Vendela", gender: Genders.Woman);
        var facilitator = await RegisterAsync(null, consultancy.Id, "Fredrika");
        var other = await RegisterAsync(norrbotten.Id, null, "Nore");
        await app.AddMemberAsync(programme.Id, värmland.Id, member.Id, TeamRole.Politician);
        await RegionsApp.ReadAsync<FacilitatorResponse>(await app.Admin.PostAsJsonAsync("/api/regions/facilitators", new { personId = facilitator.Id }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);
        var group = await RegionsApp.ReadAsync<WorkingGroupResponse>(await app.Admin.PostAsJsonAsync(
            $"/api/regions/programmes/{programme.Id}/working-groups",
            new { topic = "Hållbar besöksnäring", regionIds = new[] { värmland.Id, norrbotten.Id }, personIds = new[] { member.Id, other.Id } },
            RegionsApp.Json,
            Cancellation), HttpStatusCode.Created);

        // Her own change of address is pending, and she changed a colleague's title: both name her here.
        var herself = app.ClientFor(TestUser.Politician(värmland.Id).WithPerson(member.Id));
        var update = Update(member, email: $"ny-{member.Email}");
        await RegionsApp.ReadAsync<PersonResponse>(await herself.PutAsJsonAsync($"/api/regions/people/{member.Id}", update, RegionsApp.Json, Cancellation), HttpStatusCode.OK);
        var pending = (await app.Admin.GetFromJsonAsync<PersonResponse>($"/api/regions/people/{member.Id}", RegionsApp.Json, Cancellation))!;
        Assert.Equal(update.Email, pending.PendingEmail);

        foreach (var subject in new[] { member, facilitator })
        {
            var erasure = await RequestAsync(subject.Id);
            var approved = await RegionsApp.ReadAsync<PersonalDataErasureResponse>(
                await app.Admin.PostAsJsonAsync($"/api/regions/erasures/{erasure.Id}/decision", new { approve = true, reason = "Inga allmänna handlingar berörs." }, RegionsApp.Json, Cancellation),
                HttpStatusCode.OK);
            Assert.Equal((PersonalDataErasureState.Erasing, ErasedPerson.Name, "Inga allmänna handlingar berörs."), (approved.State, approved.PersonName, approved.DecisionReason));
            Assert.Equal(["regions"], approved.Services.Where(s => s.Erased).Select(s => s.Service));
            var decided = await app.PublishedAsync<PersonalDataErasureDecided>(e => e.ErasureId == erasure.Id);
            Assert.Equal(subject.Id, decided.PersonId);
        }

        var person = (await app.Admin.GetFromJsonAsync<PersonResponse>($"/api/regions/people/{member.Id}", RegionsApp.Json, Cancellation))!;
        Assert.Equal((ErasedPerson.Name, (string?)null, (string?)null, (string?)null, (string?)null, (string?)null, värmland.Id),
            (person.Name, person.Email, person.Phone, person.Title, person.Gender, person.PendingEmail, person.RegionId));
        Assert.Equal([TeamRole.Politician], person.Teams.Select(t => t.Role));

        // Every answer that shows people, to an administrator who sees everything.
        var answers = new[]
        {
            $"/api/regions/people/{member.Id}",
            $"/api/regions/people/{facilitator.Id}",
            "/api/regions/people?pageSize=100",
            $"/api/regions/people?regionId={värmland.Id}&pageSize=100",
            $"/api/regions/people?search={Uri.EscapeDataString(member.Name)}",
            $"/api/regions/people?search={Uri.EscapeDataString(member.Email!)}",
            $"/api/regions/people?programmeId={programme.Id}&role=Politician",
            $"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}",
            $"/api/regions/programmes/{programme.Id}/working-groups",
            $"/api/regions/working-groups/{group.Id}",
            "/api/regions/facilitators?pageSize=100",
            $"/api/regions/facilitators?organisationId={consultancy.Id}",
            $"/api/regions/people/{member.Id}/email-changes",
            $"/api/regions/people/{member.Id}/erasures",
            "/api/regions/erasures?pageSize=100",
            $"/api/regions/admin/audit?personId={member.Id}&pageSize=100",
            "/api/regions/admin/audit?pageSize=100",
        };
        foreach (var path in answers)
        {
            using var response = await app.Admin.GetAsync(path, Cancellation);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync(Cancellation);
            foreach (var subject in new[] { member, facilitator })
            {
                foreach (var trace in Traces(subject).Append(update.Email))
                {
                    Assert.False(body.Contains(trace, StringComparison.OrdinalIgnoreCase), $"{path} still names {trace}: {body}");
                }
            }
        }

        var team = (await app.Admin.GetFromJsonAsync<TeamResponse>($"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}", RegionsApp.Json, Cancellation))!;
        Assert.Contains(team.Members, m => m.PersonId == member.Id && m.Name == ErasedPerson.Name && m.Email is null && m.Role == TeamRole.Politician);
        var kept = (await app.Admin.GetFromJsonAsync<WorkingGroupResponse>($"/api/regions/working-groups/{group.Id}", RegionsApp.Json, Cancellation))!;
        Assert.Contains(kept.Members, m => m.PersonId == member.Id && m.Name == ErasedPerson.Name);
        var facilitators = (await app.Admin.GetFromJsonAsync<PagedList<FacilitatorResponse>>($"/api/regions/facilitators?organisationId={consultancy.Id}", RegionsApp.Json, Cancellation))!;
        Assert.Equal([(facilitator.Id, ErasedPerson.Name, (string?)null)], facilitators.Items.Select(f => (f.PersonId, f.Name, f.Email)));
        Assert.Empty(await app.Admin.GetFromJsonAsync<List<EmailChangeAuditResponse>>($"/api/regions/people/{member.Id}/email-changes", RegionsApp.Json, Cancellation) ?? []);

        // The directory does not announce the erasure as a change of details: every service erases on the decision.
        Assert.DoesNotContain(app.Published<PersonUpdated>(), e => e.PersonId == member.Id && e.Name == ErasedPerson.Name);

        // Nothing brings her back.
        await RegionsApp.ProblemAsync(await app.Admin.PutAsJsonAsync($"/api/regions/people/{member.Id}", Update(person, email: member.Email!, name: member.Name), RegionsApp.Json, Cancellation),
            HttpStatusCode.Conflict, rule: ErasureRules.PersonErased);
        await RegionsApp.ProblemAsync(await app.Admin.PostAsync($"/api/regions/people/{member.Id}/erasures", null, Cancellation), HttpStatusCode.Conflict, rule: ErasureRules.PersonErased);
        await RegionsApp.ProblemAsync(await app.Admin.PutAsJsonAsync(
            $"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members/{member.Id}", new { role = TeamRole.KeyOfficial, version = team.Version }, RegionsApp.Json, Cancellation),
            HttpStatusCode.Conflict, rule: ErasureRules.PersonErased);
        var newProgramme = await app.RegisterProgrammeAsync(värmland.Id, norrbotten.Id);
        await RegionsApp.ProblemAsync(await app.Admin.PostAsJsonAsync(
            $"/api/regions/programmes/{newProgramme.Id}/teams/{värmland.Id}/members", new { personId = member.Id, role = TeamRole.Politician }, RegionsApp.Json, Cancellation),
            HttpStatusCode.Conflict, rule: ErasureRules.PersonErased);
        await RegionsApp.ProblemAsync(await app.Admin.PostAsJsonAsync(
            $"/api/regions/programmes/{newProgramme.Id}/working-groups",
            new { topic = "Hållbara platser", regionIds = new[] { värmland.Id, norrbotten.Id }, personIds = new[] { member.Id } }, RegionsApp.Json, Cancellation),
            HttpStatusCode.Conflict, rule: ErasureRules.PersonErased);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync($"/api/regions/facilitators/{facilitator.Id}", Cancellation)).StatusCode);
        await RegionsApp.ProblemAsync(await app.Admin.PostAsJsonAsync("/api/regions/facilitators", new { personId = facilitator.Id }, RegionsApp.Json, Cancellation),
            HttpStatusCode.Conflict, rule: ErasureRules.PersonErased);

        // A late confirmation of her pending address from Identity does not bring it back.
        var change = await app.PublishedAsync<PersonEmailChangeRequested>(e => e.PersonId == member.Id);
        var confirmationsBefore = Consumed<PersonEmailChangeConfirmed>();
        await app.Factory.Harness.Bus.Publish(new PersonEmailChangeConfirmed(change.ChangeId, member.Id, update.Email, DateTimeOffset.UtcNow), Cancellation);
        await Eventually.UntilAsync(() => Task.FromResult(Consumed<PersonEmailChangeConfirmed>() > confirmationsBefore), "the late confirmation was consumed");
        Assert.Null((await app.Admin.GetFromJsonAsync<PersonResponse>($"/api/regions/people/{member.Id}", RegionsApp.Json, Cancellation))!.Email);

        // Her address is free for someone new: the old one names nobody now.
        var successor = await RegisterAsync(värmland.Id, null, "Vendela", email: member.Email);
        Assert.Equal(member.Email, successor.Email);
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_erased()
    {
        var stockholm = await app.RegionAsync("01");
        var onlyAdministrator = await RegisterAsync(stockholm.Id, null, "Agnes");
        var erasure = await RequestAsync(onlyAdministrator.Id);
        await app.Factory.Harness.Bus.Publish(
            new AccountProvisioned(Guid.NewGuid(), onlyAdministrator.Id, onlyAdministrator.Email!, onlyAdministrator.Name, [Roles.Administrator], DateTimeOffset.UtcNow), Cancellation);
        await Eventually.UntilAsync(() => AdministersAsync(onlyAdministrator.Id), "the directory knows she administers");
        await ClearOtherAdministratorsAsync(onlyAdministrator.Id);

        var refused = await app.Admin.PostAsJsonAsync($"/api/regions/erasures/{erasure.Id}/decision", new { approve = true }, RegionsApp.Json, Cancellation);

        await RegionsApp.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity, rule: ErasureRules.LastAdministrator);
        Assert.Equal(onlyAdministrator.Name, (await app.Admin.GetFromJsonAsync<PersonResponse>($"/api/regions/people/{onlyAdministrator.Id}", RegionsApp.Json, Cancellation))!.Name);

        var successor = await RegisterAsync(stockholm.Id, null, "Alva");
        await app.Factory.Harness.Bus.Publish(
            new AccountProvisioned(Guid.NewGuid(), successor.Id, successor.Email!, successor.Name, [Roles.Administrator], DateTimeOffset.UtcNow), Cancellation);
        await Eventually.UntilAsync(() => AdministersAsync(successor.Id), "the directory knows the successor administers");

        var approved = await app.Admin.PostAsJsonAsync($"/api/regions/erasures/{erasure.Id}/decision", new { approve = true }, RegionsApp.Json, Cancellation);
        Assert.Equal(PersonalDataErasureState.Erasing, (await RegionsApp.ReadAsync<PersonalDataErasureResponse>(approved, HttpStatusCode.OK)).State);
        Assert.False(await AdministersAsync(onlyAdministrator.Id));
    }

    [Fact]
    public async Task The_erasure_is_complete_when_all_five_services_answered_and_a_repeated_answer_changes_nothing()
    {
        var halland = await app.RegionAsync("13");
        var person = await RegisterAsync(halland.Id, null, "Cecilia");
        var erasure = await RequestAsync(person.Id);
        await app.Admin.PostAsJsonAsync($"/api/regions/erasures/{erasure.Id}/decision", new { approve = true }, RegionsApp.Json, Cancellation);

        foreach (var service in OtherServices.Take(3))
        {
            await app.Factory.Harness.Bus.Publish(new PersonalDataErased(erasure.Id, person.Id, service, DateTimeOffset.UtcNow), Cancellation);
        }

        // Meetings answers twice (its decision was redelivered after a restart); a stranger's answer is ignored.
        await app.Factory.Harness.Bus.Publish(new PersonalDataErased(erasure.Id, person.Id, "meetings", DateTimeOffset.UtcNow), Cancellation);
        await app.Factory.Harness.Bus.Publish(new PersonalDataErased(erasure.Id, person.Id, "billing", DateTimeOffset.UtcNow), Cancellation);
        var waiting = await Eventually.UntilAsync(
            () => StatusAsync(erasure.Id), e => e.Services.Count(s => s.Erased) == 4, "four services answered");
        Assert.Equal((PersonalDataErasureState.Erasing, false), (waiting.State, waiting.Services.Single(s => s.Service == "notifications").Erased));

        await app.Factory.Harness.Bus.Publish(new PersonalDataErased(erasure.Id, person.Id, "notifications", DateTimeOffset.UtcNow), Cancellation);
        var complete = await Eventually.UntilAsync(() => StatusAsync(erasure.Id), e => e.State == PersonalDataErasureState.Complete, "every service answered");
        Assert.All(complete.Services, s => Assert.True(s.Erased && s.ErasedAt is not null, s.Service));

        await app.Factory.Harness.Bus.Publish(new PersonalDataErased(erasure.Id, person.Id, "notifications", DateTimeOffset.UtcNow), Cancellation);
        await Eventually.UntilAsync(() => Task.FromResult(Consumed<PersonalDataErased>() >= OtherServices.Length + 3), "the late answers were consumed");
        Assert.Equal(PersonalDataErasureState.Complete, (await StatusAsync(erasure.Id)).State);
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegionsDb>();
        Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(e => e.SubjectPersonId == person.Id && e.Action == "person.personal-data-erasure-completed", Cancellation));
        Assert.Equal(
            ["person.personal-data-erasure-requested", "person.personal-data-erasure-approved", "person.personal-data-erasure-completed"],
            await db.Set<AuditEntry>().Where(e => e.SubjectPersonId == person.Id && e.Action.StartsWith("person.personal-data-erasure")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Cancellation));
        var completed = await app.Admin.GetFromJsonAsync<PagedList<PersonalDataErasureResponse>>("/api/regions/erasures?state=Complete&pageSize=100", RegionsApp.Json, Cancellation);
        Assert.Contains(completed!.Items, e => e.Id == erasure.Id);
    }

    [Fact]
    public async Task Audit_entries_and_a_colleague_s_address_history_stay_but_no_longer_name_her()
    {
        var halland = await app.RegionAsync("13");
        var leader = await RegisterAsync(halland.Id, null, "Åsa");
        var colleague = await RegisterAsync(halland.Id, null, "Gustav");
        var asLeader = app.ClientFor(TestUser.ProjectLeader(halland.Id).WithPerson(leader.Id) with { Name = leader.Name, Email = leader.Email! });
        var changed = await asLeader.PutAsJsonAsync($"/api/regions/people/{colleague.Id}", Update(colleague, email: $"ny-{colleague.Email}"), RegionsApp.Json, Cancellation);
        await RegionsApp.ReadAsync<PersonResponse>(changed, HttpStatusCode.OK);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegionsDb>();
            db.Audit("person.note", null, colleague.Id, DateTimeOffset.UtcNow, new { About = colleague.Id, By = leader.Name, leader.Email, leader.Phone });
            await db.SaveChangesAsync(Cancellation);
        }

        var erasure = await RequestAsync(leader.Id);
        await RegionsApp.ReadAsync<PersonalDataErasureResponse>(
            await app.Admin.PostAsJsonAsync($"/api/regions/erasures/{erasure.Id}/decision", new { approve = true }, RegionsApp.Json, Cancellation), HttpStatusCode.OK);

        var history = await app.Admin.GetFromJsonAsync<List<EmailChangeAuditResponse>>($"/api/regions/people/{colleague.Id}/email-changes", RegionsApp.Json, Cancellation);
        Assert.Equal([(leader.Id, ErasedPerson.Name)], history!.Select(h => (h.ChangedBy!.Value, h.ChangedByName!)));
        using var after = app.Factory.Services.CreateScope();
        var note = await after.ServiceProvider.GetRequiredService<RegionsDb>().Set<AuditEntry>().SingleAsync(e => e.Action == "person.note" && e.SubjectPersonId == colleague.Id, Cancellation);
        var escaped = JsonSerializer.Serialize(leader.Name, RegionsApp.Json)[1..^1];
        Assert.NotEqual(leader.Name, escaped);
        Assert.All(Traces(leader).Append(escaped), trace => Assert.DoesNotContain(trace, note.Details!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(colleague.Id.ToString(), note.Details!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_export_after_the_erasure_holds_the_pseudonym_and_earlier_exports_are_gone()
    {
        var halland = await app.RegionAsync("13");
        var person = await RegisterAsync(halland.Id, null, "Elsa");
        var before = await RegionsApp.ReadAsync<PersonalDataExportResponse>(
            await app.Admin.PostAsync($"/api/regions/people/{person.Id}/personal-data-exports", null, Cancellation), HttpStatusCode.Accepted);
        await Eventually.UntilAsync(() => ExportAsync(before.Id), e => e.Services.Single(s => s.Service == "regions").Answered, "the directory answered");

        var erasure = await RequestAsync(person.Id);
        await RegionsApp.ReadAsync<PersonalDataErasureResponse>(
            await app.Admin.PostAsJsonAsync($"/api/regions/erasures/{erasure.Id}/decision", new { approve = true }, RegionsApp.Json, Cancellation), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync($"/api/regions/personal-data-exports/{before.Id}", Cancellation)).StatusCode);
        var after = await RegionsApp.ReadAsync<PersonalDataExportResponse>(
            await app.Admin.PostAsync($"/api/regions/people/{person.Id}/personal-data-exports", null, Cancellation), HttpStatusCode.Accepted);
        await Eventually.UntilAsync(() => ExportAsync(after.Id), e => e.Services.Single(s => s.Service == "regions").Answered, "the directory answered");
        foreach (var service in OtherServices)
        {
            await app.Factory.Harness.Bus.Publish(new PersonalDataExportPartCollected(after.Id, person.Id, service, "{}", DateTimeOffset.UtcNow), Cancellation);
        }

        await Eventually.UntilAsync(() => ExportAsync(after.Id), e => e.State == PersonalDataExportState.Complete, "every service answered");
        using var archive = await app.Admin.GetAsync($"/api/regions/personal-data-exports/{after.Id}/archive", Cancellation);
        var files = PersonalDataExportTests.Unzip(await archive.Content.ReadAsByteArrayAsync(Cancellation));
        var directory = JsonDocument.Parse(files["regions.json"]).RootElement.GetProperty("person");
        Assert.Equal(ErasedPerson.Name, directory.GetProperty("name").GetString());
        Assert.All(files.Values, content => Assert.All(Traces(person), trace => Assert.DoesNotContain(trace, content, StringComparison.OrdinalIgnoreCase)));
    }

    private static IEnumerable<string> Traces(PersonResponse person) => [person.Name, person.Email!, person.Phone!, person.Name.Split(' ')[1]];

    private async Task<PersonResponse> RegisterAsync(Guid? regionId, Guid? organisationId, string firstName, string? gender = null, string? email = null)
    {
        var unique = Guid.NewGuid().ToString("N");
        var surname = "Rad" + new string(unique[..8].Select(c => (char)('a' + (c % 26))).ToArray());
        var response = await app.Admin.PostAsJsonAsync(
            "/api/regions/people",
            new
            {
                name = $"{firstName} {surname}",
                email = email ?? $"{firstName.ToLowerInvariant()}.{unique}@region.example",
                phone = $"070-{Random.Shared.Next(100, 999)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)}",
                title = $"Strateg {surname}",
                regionId,
                organisationId,
                preferredLanguage = "sv",
                gender,
                shareContactDetails = true,
            },
            RegionsApp.Json,
            Cancellation);
        return await RegionsApp.ReadAsync<PersonResponse>(response, HttpStatusCode.Created);
    }

    private static UpdateBody Update(PersonResponse person, string email, string? name = null) => new(
        name ?? person.Name, email, person.Phone, person.Title, person.RegionId, person.OrganisationId, person.PreferredLanguage, person.Gender, person.ShareContactDetails, person.Version);

    private sealed record UpdateBody(
        string Name, string Email, string? Phone, string? Title, Guid? RegionId, Guid? OrganisationId, string PreferredLanguage, string? Gender, bool ShareContactDetails, long Version);

    private int Consumed<T>()
        where T : class
    {
        using var alreadyThere = new CancellationTokenSource();
        alreadyThere.Cancel();
        return app.Factory.Harness.Consumed.Select<T>(alreadyThere.Token).Count();
    }

    private async Task<PersonalDataErasureResponse> RequestAsync(Guid personId) =>
        await RegionsApp.ReadAsync<PersonalDataErasureResponse>(await app.Admin.PostAsync($"/api/regions/people/{personId}/erasures", null, Cancellation), HttpStatusCode.Accepted);

    private async Task<PersonalDataErasureResponse> StatusAsync(Guid erasureId) =>
        (await app.Admin.GetFromJsonAsync<PersonalDataErasureResponse>($"/api/regions/erasures/{erasureId}", RegionsApp.Json, Cancellation))!;

    private async Task<PersonalDataExportResponse> ExportAsync(Guid exportId) =>
        (await app.Admin.GetFromJsonAsync<PersonalDataExportResponse>($"/api/regions/personal-data-exports/{exportId}", RegionsApp.Json, Cancellation))!;

    private async Task<bool> AdministersAsync(Guid personId)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegionsDb>().Accounts.AnyAsync(a => a.PersonId == personId && a.IsAdministrator && !a.IsDisabled, Cancellation);
    }

    /// <summary>Other tests of the class may have told the directory of administrators; this one needs her to be the only one.</summary>
    private async Task ClearOtherAdministratorsAsync(Guid personId)
    {
        using var scope = app.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RegionsDb>().Accounts.Where(a => a.PersonId != personId).ExecuteDeleteAsync(Cancellation);
    }
}
