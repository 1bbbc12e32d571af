using System.Text.Json;
using KollegialtUtbyte.Regions.Application.Audit;
using KollegialtUtbyte.ServiceDefaults.Audit;

namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>
/// Role and contact-detail changes are written to the audit log with the change itself, and
/// administrators read it at <c>GET /api/regions/admin/audit</c>, paged and filtered by person and period.
/// </summary>
public sealed class AuditLogTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Role_and_contact_detail_changes_are_recorded_with_who_about_whom_and_what()
    {
        var värmland = await app.RegionAsync("17");
        var programme = await app.RegisterProgrammeAsync(värmland.Id);
        var person = await app.RegisterPersonAsync(värmland.Id, name: "Klara Lund");
        var leader = TestUser.ProjectLeader(värmland.Id);
        var team = app.ClientFor(leader);

        var added = await RegionsApp.ReadAsync<TeamResponse>(
            await team.PostAsJsonAsync($"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members", new { personId = person.Id, role = "KeyOfficial" }, RegionsApp.Json, Cancellation),
            HttpStatusCode.Created);
        await RegionsApp.ReadAsync<TeamResponse>(
            await team.PutAsJsonAsync($"/api/regions/programmes/{programme.Id}/teams/{värmland.Id}/members/{person.Id}", new { role = "Politician", version = added.Version }, RegionsApp.Json, Cancellation),
            HttpStatusCode.OK);
        await RegionsApp.ReadAsync<PersonResponse>(
            await team.PutAsJsonAsync($"/api/regions/people/{person.Id}", UpdateOf(person, name: "Klara Lund-Berg", phone: "070-111 22 33"), RegionsApp.Json, Cancellation),
            HttpStatusCode.OK);

        var log = await AuditAsync($"personId={person.Id}");

        Assert.Equal(
            [AuditActions.ContactDetailsChanged, AuditActions.TeamRoleChanged, AuditActions.TeamMemberAdded, AuditActions.PersonRegistered],
            log.Items.Select(e => e.Action));
        Assert.All(log.Items, e => Assert.Equal(person.Id, e.SubjectPersonId));
        Assert.All(log.Items.Take(3), e => Assert.Equal(leader.PersonId, e.ActorPersonId));
        var contact = JsonDocument.Parse(log.Items[0].Details!).RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString());
        Assert.Equal(["name", "phone"], contact);
        var role = JsonDocument.Parse(log.Items[1].Details!).RootElement;
        Assert.Equal(("KeyOfficial", "Politician"), (role.GetProperty("from").GetString(), role.GetProperty("to").GetString()));
        Assert.DoesNotContain("070-111 22 33", string.Join(" ", log.Items.Select(e => e.Details)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_change_leaves_no_audit_entry()
    {
        var värmland = await app.RegionAsync("17");
        var person = await app.RegisterPersonAsync(värmland.Id, name: "Olle Ros");
        var other = await app.RegisterPersonAsync(värmland.Id, name: "Stina Ros");

        // A new name (recorded first) and an address another person has: the whole change is refused.
        var refused = await app.Admin.PutAsJsonAsync(
            $"/api/regions/people/{person.Id}", UpdateOf(person, name: "Olle Rosén", email: other.Email), RegionsApp.Json, Cancellation);

        Assert.False(refused.IsSuccessStatusCode);
        var log = await AuditAsync($"personId={person.Id}");
        Assert.Equal([AuditActions.PersonRegistered], log.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task The_log_is_paged_and_filtered_by_period()
    {
        var värmland = await app.RegionAsync("17");
        var person = await app.RegisterPersonAsync(värmland.Id, name: "Pia Berg");
        var between = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 3; i++)
        {
            var current = await app.Admin.GetFromJsonAsync<PersonResponse>($"/api/regions/people/{person.Id}", RegionsApp.Json, Cancellation);
            await RegionsApp.ReadAsync<PersonResponse>(
                await app.Admin.PutAsJsonAsync($"/api/regions/people/{person.Id}", UpdateOf(current!, title: $"Titel {i}"), RegionsApp.Json, Cancellation),
                HttpStatusCode.OK);
        }

        var first = await AuditAsync($"personId={person.Id}&pageSize=2&page=1");
        var second = await AuditAsync($"personId={person.Id}&pageSize=2&page=2");
        Assert.Equal((4, 2, 2), (first.Total, first.Items.Count, second.Items.Count));
        Assert.Equal(AuditActions.PersonRegistered, second.Items[^1].Action);

        var after = await AuditAsync($"personId={person.Id}&from={Uri.EscapeDataString(between.ToString("O"))}");
        Assert.Equal(3, after.Total);
        Assert.All(after.Items, e => Assert.Equal(AuditActions.ContactDetailsChanged, e.Action));
        var before = await AuditAsync($"personId={person.Id}&to={Uri.EscapeDataString(between.ToString("O"))}");
        Assert.Equal([AuditActions.PersonRegistered], before.Items.Select(e => e.Action));
    }

    [Theory]
    [InlineData("personId=not-a-guid", "personId")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2027-03-02T00:00:00Z&to=2027-03-01T00:00:00Z", "to")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    public async Task A_bad_query_is_a_400_naming_the_field(string query, string field)
    {
        var problem = await RegionsApp.ProblemAsync(await app.Admin.GetAsync($"/api/regions/admin/audit?{query}", Cancellation), HttpStatusCode.BadRequest);

        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Only_administrators_read_the_log()
    {
        var värmland = await app.RegionAsync("17");

        await RegionsApp.ProblemAsync(await app.ClientFor(TestUser.ProjectLeader(värmland.Id)).GetAsync("/api/regions/admin/audit", Cancellation), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientFor(null).GetAsync("/api/regions/admin/audit", Cancellation)).StatusCode);
    }

    private async Task<PagedList<AuditEntryView>> AuditAsync(string query) =>
        await RegionsApp.ReadAsync<PagedList<AuditEntryView>>(await app.Admin.GetAsync($"/api/regions/admin/audit?{query}", Cancellation), HttpStatusCode.OK);

    private static object UpdateOf(PersonResponse person, string? name = null, string? phone = null, string? title = null, string? email = null) => new
    {
        name = name ?? person.Name,
        email = email ?? person.Email,
        phone = phone ?? person.Phone,
        title = title ?? person.Title,
        regionId = person.RegionId,
        organisationId = person.OrganisationId,
        preferredLanguage = person.PreferredLanguage,
        gender = person.Gender,
        shareContactDetails = person.ShareContactDetails,
        version = person.Version,
    };
}
