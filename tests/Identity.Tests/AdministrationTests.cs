using KollegialtUtbyte.ApiContracts;
using KollegialtUtbyte.Identity.ApiContracts;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>Administrators list accounts, grant roles, disable and enable accounts, resend activation links.</summary>
public sealed class AdministrationTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static readonly JsonSerializerOptions Json = KollegialtUtbyte.ServiceDefaults.Outbox.OutboxJson.Options;
    private readonly IdentityHost _host = fixture.Host;
    private readonly HttpClient _administrator = fixture.ApiClient(TestUser.Administrator());

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_administrators_use_the_administration_api()
    {
        var (joined, activation) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        var region = Guid.NewGuid();
        var callers = new (TestUser? User, HttpStatusCode Expected)[]
        {
            (null, HttpStatusCode.Unauthorized),
            (TestUser.TeamMember(region), HttpStatusCode.Forbidden),
            (TestUser.ProjectLeader(region), HttpStatusCode.Forbidden),
            (TestUser.Politician(region), HttpStatusCode.Forbidden),
            (TestUser.Facilitator(), HttpStatusCode.Forbidden),
            (TestUser.TeamMember(joined.RegionId).WithPerson(joined.PersonId), HttpStatusCode.Forbidden),
            (TestUser.Administrator(), HttpStatusCode.OK),
        };

        foreach (var (user, expected) in callers)
        {
            using var client = fixture.ApiClient(user);
            var who = user?.Roles.FirstOrDefault() ?? "anonymous";
            Assert.True(expected == (await client.GetAsync("/api/identity/accounts", Cancel)).StatusCode, $"{who} listing");
            Assert.True(expected == (await client.GetAsync($"/api/identity/accounts/{activation.AccountId}", Cancel)).StatusCode, $"{who} reading");
            var version = (await _host.AccountOfAsync(joined.PersonId))!.Version;
            var grant = await client.PutAsJsonAsync($"/api/identity/accounts/{activation.AccountId}/roles", new { roles = new[] { Roles.Facilitator }, version }, Cancel);
            Assert.True(expected == grant.StatusCode, $"{who} granting: {grant.StatusCode}");
        }
    }

    [Fact]
    public async Task Granted_roles_are_added_to_the_directory_roles_announced_and_in_the_next_token()
    {
        var (joined, activation) = await _host.ActiveTeamMemberAsync(TeamRole.KeyOfficial);
        var before = await DetailsAsync(activation.AccountId);

        var response = await _administrator.PutAsJsonAsync($"/api/identity/accounts/{activation.AccountId}/roles",
            new { roles = new[] { Roles.Facilitator }, version = before.Version }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = (await response.Content.ReadFromJsonAsync<AccountDetails>(Json, Cancel))!;
        Assert.Equal([Roles.Facilitator, Roles.TeamMember], after.Roles);
        Assert.Equal([Roles.Facilitator], after.GrantedRoles);
        Assert.Equal([Roles.TeamMember], after.DirectoryRoles);
        Assert.True(after.Version > before.Version);
        Assert.Equal($"\"{after.Version}\"", response.Headers.ETag?.Tag);
        var announced = await _host.PublishedAsync<AccountRolesChanged>(c => c.AccountId == activation.AccountId);
        Assert.Equal(after.Roles, announced.Roles);
        var token = Jwt.Read((await _host.SignInAsync(joined.Email, IdentityHost.Password)).AccessToken);
        Assert.Equal([Roles.Facilitator, Roles.TeamMember], token.Claims.Where(c => c.Type == ClaimNames.Role).Select(c => c.Value).Order());
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_an_unknown_role_a_rule_violation_and_neither_changes_anything()
    {
        var (_, activation) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        var details = await DetailsAsync(activation.AccountId);

        var stale = await _administrator.PutAsJsonAsync($"/api/identity/accounts/{activation.AccountId}/roles",
            new { roles = new[] { Roles.Facilitator }, version = details.Version + 7 }, Cancel);
        var unknown = await _administrator.PutAsJsonAsync($"/api/identity/accounts/{activation.AccountId}/roles",
            new { roles = new[] { "superuser" }, version = details.Version }, Cancel);
        var missing = await _administrator.PutAsJsonAsync($"/api/identity/accounts/{activation.AccountId}/roles", new { version = details.Version }, Cancel);
        var noSuchAccount = await _administrator.GetAsync($"/api/identity/accounts/{Guid.NewGuid()}", Cancel);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("identity.unknown-role", (await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchAccount.StatusCode);
        var after = await DetailsAsync(activation.AccountId);
        Assert.Equal(details.Version, after.Version);
        Assert.Empty(after.GrantedRoles);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_sessions_and_cannot_sign_in_until_enabled()
    {
        var (joined, activation) = await _host.ActiveTeamMemberAsync();
        var session = await _host.SignInAsync(joined.Email, IdentityHost.Password);

        var disabled = await _administrator.PostAsJsonAsync($"/api/identity/accounts/{activation.AccountId}/disable",
            new { version = (await DetailsAsync(activation.AccountId)).Version }, Cancel);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var details = (await disabled.Content.ReadFromJsonAsync<AccountDetails>(Json, Cancel))!;
        Assert.Equal(AccountState.Disabled, details.State);
        await _host.PublishedAsync<AccountDisabled>(d => d.AccountId == activation.AccountId);
        Assert.Equal("invalid_grant", await ErrorOf(await _host.RefreshAsync(session.RefreshToken!)));
        var refused = await _host.TrySignInAsync(joined.Email, IdentityHost.Password);
        var unknown = await _host.TrySignInAsync("ingen.alls@example.test", IdentityHost.Password);

        // A disabled account gets the answer an unknown one gets: nothing tells how it stands.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(IdentityHost.SignInRefused, await CodeFlowSignIn.RefusalOf(refused));
        Assert.Equal(await CodeFlowSignIn.RefusalOf(unknown), await CodeFlowSignIn.RefusalOf(refused));

        var enabled = await _administrator.PostAsJsonAsync($"/api/identity/accounts/{activation.AccountId}/enable", new { version = details.Version }, Cancel);

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        await _host.PublishedAsync<AccountEnabled>(e => e.AccountId == activation.AccountId);
        await _host.SignInAsync(joined.Email, IdentityHost.Password);
    }

    [Fact]
    public async Task The_suite_keeps_an_administrator_and_nobody_disables_their_own_account()
    {
        var administrator = await _host.AccountOfAsync(await AdministratorPersonAsync());
        using var self = fixture.ApiClient(TestUser.Administrator().WithPerson(administrator!.PersonId));
        var details = await DetailsAsync(administrator.Id);

        var ownDisable = await self.PostAsJsonAsync($"/api/identity/accounts/{administrator.Id}/disable", new { version = details.Version }, Cancel);
        var lastDisable = await _administrator.PostAsJsonAsync($"/api/identity/accounts/{administrator.Id}/disable", new { version = details.Version }, Cancel);
        var lastRevoke = await _administrator.PutAsJsonAsync($"/api/identity/accounts/{administrator.Id}/roles", new { roles = Array.Empty<string>(), version = details.Version }, Cancel);

        Assert.Equal("identity.cannot-disable-own-account", await RuleOf(ownDisable));
        Assert.Equal("identity.last-administrator", await RuleOf(lastDisable));
        Assert.Equal("identity.last-administrator", await RuleOf(lastRevoke));
        Assert.Equal(AccountState.Active, (await DetailsAsync(administrator.Id)).State);
    }

    [Fact]
    public async Task A_new_activation_link_replaces_the_old_one_and_only_while_the_account_is_not_activated()
    {
        var (joined, first) = await _host.AddTeamMemberAsync(TeamRole.Politician);

        var resent = await _administrator.PostAsync($"/api/identity/accounts/{first.AccountId}/activation-link", null, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        var second = await _host.PublishedAsync<AccountActivationRequested>(a => a.AccountId == first.AccountId && a.Token != first.Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.ActivateAsync(first.Token, IdentityHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.ActivateAsync(second.Token, IdentityHost.Password)).StatusCode);
        var again = await _administrator.PostAsync($"/api/identity/accounts/{first.AccountId}/activation-link", null, Cancel);
        Assert.Equal("identity.already-activated", await RuleOf(again));
        await _host.SignInAsync(joined.Email, IdentityHost.Password);
    }

    [Fact]
    public async Task Accounts_are_listed_by_role_state_and_search_text()
    {
        var (politician, _) = await _host.AddTeamMemberAsync(TeamRole.Politician);
        var (active, _) = await _host.ActiveTeamMemberAsync(TeamRole.KeyOfficial);

        var politicians = await ListAsync($"?role={Roles.Politician}&pageSize=100");
        var pending = await ListAsync("?state=PendingActivation&pageSize=100");
        var found = await ListAsync($"?search={politician.PersonId:N}");

        Assert.Contains(politicians.Items, a => a.PersonId == politician.PersonId);
        Assert.All(politicians.Items, a => Assert.Contains(Roles.Politician, a.Roles));
        Assert.Contains(pending.Items, a => a.PersonId == politician.PersonId);
        Assert.DoesNotContain(pending.Items, a => a.PersonId == active.PersonId);
        Assert.Equal(politician.PersonId, Assert.Single(found.Items).PersonId);
        Assert.Equal(HttpStatusCode.BadRequest, (await _administrator.GetAsync("/api/identity/accounts?page=0", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _administrator.GetAsync("/api/identity/accounts?role=superuser", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _administrator.GetAsync("/api/identity/accounts?state=Sleeping", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _administrator.GetAsync("/api/identity/accounts?state=9", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("page=2147483647", "page")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task Pages_outside_the_bounds_are_400_problems_naming_the_field(string query, string field)
    {
        var response = await _administrator.GetAsync($"/api/identity/accounts?{query}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<AccountDetails> DetailsAsync(Guid accountId)
    {
        var response = await _administrator.GetAsync($"/api/identity/accounts/{accountId}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AccountDetails>(Json, Cancel))!;
    }

    private async Task<PagedList<AccountSummary>> ListAsync(string query)
    {
        var response = await _administrator.GetAsync("/api/identity/accounts" + query, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PagedList<AccountSummary>>(Json, Cancel))!;
    }

    private async Task<Guid> AdministratorPersonAsync() =>
        (await ListAsync($"?role={Roles.Administrator}")).Items.Single(a => a.Email == IdentityHost.AdministratorEmail).PersonId;

    private static async Task<string?> RuleOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("rule").GetString();
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error").GetString();
    }
}
