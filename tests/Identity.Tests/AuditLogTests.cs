using KollegialtUtbyte.ApiContracts;
using KollegialtUtbyte.Identity.ApiContracts;
using KollegialtUtbyte.Identity.Application.Audit;
using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Paging;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>Account changes are written to the audit log with the change; administrators read it at <c>GET /api/identity/admin/audit</c>.</summary>
public sealed class AuditLogTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static readonly JsonSerializerOptions Json = KollegialtUtbyte.ServiceDefaults.Outbox.OutboxJson.Options;
    private readonly IdentityHost _host = fixture.Host;
    private readonly TestUser _admin = TestUser.Administrator();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Role_changes_and_disabling_are_recorded_with_who_and_about_whom()
    {
        using var administrator = fixture.ApiClient(_admin);
        var (joined, activation) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        var details = await DetailsAsync(administrator, activation.AccountId);

        var granted = await administrator.PutAsJsonAsync($"/api/identity/accounts/{activation.AccountId}/roles",
            new { roles = new[] { Roles.Facilitator }, version = details.Version }, Cancel);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var afterGrant = (await granted.Content.ReadFromJsonAsync<AccountDetails>(Json, Cancel))!;
        var disabled = await administrator.PostAsJsonAsync($"/api/identity/accounts/{activation.AccountId}/disable", new { version = afterGrant.Version }, Cancel);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        var log = await AuditAsync(administrator, $"personId={joined.PersonId}");

        Assert.Equal([AuditActions.Disabled, AuditActions.RolesChanged], log.Items.Select(e => e.Action));
        Assert.All(log.Items, e => Assert.Equal((_admin.PersonId, joined.PersonId), (e.ActorPersonId, e.SubjectPersonId)));
        var roles = JsonDocument.Parse(log.Items[1].Details!).RootElement;
        Assert.Equal([Roles.Facilitator], roles.GetProperty("added").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_refused_change_leaves_no_audit_entry()
    {
        using var administrator = fixture.ApiClient(_admin);
        var (joined, activation) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        var details = await DetailsAsync(administrator, activation.AccountId);

        var stale = await administrator.PutAsJsonAsync($"/api/identity/accounts/{activation.AccountId}/roles",
            new { roles = new[] { Roles.Facilitator }, version = details.Version + 3 }, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(0, (await AuditAsync(administrator, $"personId={joined.PersonId}")).Total);
    }

    [Fact]
    public async Task Only_administrators_read_the_log_and_a_bad_field_is_named()
    {
        using var facilitator = fixture.ApiClient(TestUser.Facilitator());
        using var anonymous = fixture.ApiClient(null);
        using var administrator = fixture.ApiClient(_admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await facilitator.GetAsync("/api/identity/admin/audit", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/identity/admin/audit", Cancel)).StatusCode);
        var bad = await administrator.GetAsync("/api/identity/admin/audit?to=soon", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
    }

    [Fact]
    public async Task An_entry_cannot_be_changed_or_deleted_through_the_model()
    {
        var person = Guid.NewGuid();
        await _host.WithDbAsync(async db =>
        {
            db.Audit(AuditActions.Enabled, null, person, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Cancel);
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => _host.WithDbAsync(async db =>
        {
            var entry = await db.Set<AuditEntry>().SingleAsync(e => e.SubjectPersonId == person, Cancel);
            entry.Action = AuditActions.Disabled;
            return await db.SaveChangesAsync(Cancel);
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _host.WithDbAsync(async db =>
        {
            db.Set<AuditEntry>().Remove(await db.Set<AuditEntry>().SingleAsync(e => e.SubjectPersonId == person, Cancel));
            return await db.SaveChangesAsync(Cancel);
        }));
        Assert.Equal(AuditActions.Enabled, await _host.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.SubjectPersonId == person).Select(e => e.Action).SingleAsync(Cancel)));
    }

    private static async Task<PagedList<AuditEntryView>> AuditAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/identity/admin/audit?{query}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PagedList<AuditEntryView>>(Json, Cancel))!;
    }

    private static async Task<AccountDetails> DetailsAsync(HttpClient client, Guid accountId) =>
        (await client.GetFromJsonAsync<AccountDetails>($"/api/identity/accounts/{accountId}", Json, Cancel))!;
}
