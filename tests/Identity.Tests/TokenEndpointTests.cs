using System.Net.Http.Headers;
using System.Text;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary><c>/connect/token</c> and <c>/connect/revocation</c>: the grants, and RFC 6749 errors for everything else.</summary>
public sealed class TokenEndpointTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_code_flow_gives_a_short_lived_RS256_access_token_with_the_suites_claims_and_a_refresh_token()
    {
        var regionId = Guid.NewGuid();
        var (joined, activation) = await _host.ActiveTeamMemberAsync(TeamRole.ProjectLeader, regionId);
        using var client = _host.NewClient();
        var pkce = Pkce.New();
        var code = await CodeFlowSignIn.AuthorizeAsync(
            client, joined.Email.ToUpperInvariant(), IdentityHost.Password, CodeFlowSignIn.AuthorizationUrl(CodeFlowSignIn.CommandLineClient, CodeFlowSignIn.LoopbackRedirectUri, pkce.Challenge), Cancel);

        var response = await CodeFlowSignIn.RedeemAsync(client, code, pkce.Verifier, cancellationToken: Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 590, 600);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));

        var token = Jwt.Read(body.GetProperty("access_token").GetString()!);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(["feedback", "identity", "meetings", "notifications", "regions"], token.Audiences.Order());
        Assert.Contains(token.Kid, await PublishedKeyIdsAsync());
        Assert.Equal("http://localhost/", token.Issuer);
        Assert.Equal(activation.AccountId.ToString(), token.Subject);
        Assert.Equal(joined.PersonId.ToString(), token.GetClaim(ClaimNames.Person).Value);
        Assert.Equal(joined.Name, token.GetClaim(ClaimNames.Name).Value);
        Assert.Equal(joined.Email, token.GetClaim(ClaimNames.Email).Value);
        Assert.Equal(regionId.ToString(), token.GetClaim(ClaimNames.Region).Value);
        Assert.Equal([Roles.ProjectLeader, Roles.TeamMember], token.Claims.Where(c => c.Type == ClaimNames.Role).Select(c => c.Value));
        Assert.Equal(TimeSpan.FromMinutes(10), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task A_person_in_two_regions_teams_gets_a_token_naming_both_regions()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var (joined, _) = await _host.ActiveTeamMemberAsync(TeamRole.KeyOfficial, first);
        await _host.PublishAsync(joined with { RegionId = second, RegionName = "Region Dalarna", Role = TeamRole.ProjectLeader, OccurredAt = joined.OccurredAt.AddMinutes(1) });
        await _host.ConsumedAsync<TeamMemberJoined>(j => j.PersonId == joined.PersonId && j.RegionId == second);

        var session = await _host.SignInAsync(joined.Email, IdentityHost.Password);

        var token = Jwt.Read(session.AccessToken);
        Assert.Equal(new[] { first, second }.Select(r => r.ToString()).Order(), token.Claims.Where(c => c.Type == ClaimNames.Region).Select(c => c.Value).Order());
        Assert.Equal([Roles.ProjectLeader, Roles.TeamMember], token.Claims.Where(c => c.Type == ClaimNames.Role).Select(c => c.Value));
    }

    [Fact]
    public async Task Wrong_credentials_and_accounts_without_a_password_get_the_same_refusal()
    {
        var (active, _) = await _host.ActiveTeamMemberAsync();
        var (pending, _) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);

        foreach (var (user, password) in new[] { (active.Email, "fel-losenord-helt-enkelt"), ("ingen.alls@example.test", IdentityHost.Password), (pending.Email, IdentityHost.Password) })
        {
            var response = await _host.TrySignInAsync(user, password);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(IdentityHost.SignInRefused, await CodeFlowSignIn.RefusalOf(response));
        }
    }

    [Fact]
    public async Task Malformed_requests_are_answered_with_the_errors_of_RFC_6749_never_a_500()
    {
        using var client = _host.NewClient();
        var cases = new (string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status, string Error)[]
        {
            ("JSON instead of a form", () => client.PostAsJsonAsync("/connect/token", new { grant_type = "refresh_token" }, Cancel), HttpStatusCode.BadRequest, "invalid_request"),
            ("no body", () => client.PostAsync("/connect/token", null, Cancel), HttpStatusCode.BadRequest, "invalid_request"),
            ("no grant type", () => Form("username=a&password=b"), HttpStatusCode.BadRequest, "invalid_request"),
            ("an unknown grant type", () => Form("grant_type=urn:example:unknown&client_id=ku-cli"), HttpStatusCode.BadRequest, "unsupported_grant_type"),
            ("a repeated parameter", () => Form("grant_type=refresh_token&client_id=ku-cli&refresh_token=a&refresh_token=b"), HttpStatusCode.BadRequest, "invalid_request"),
            ("the password grant, which is not offered", () => Form("grant_type=password&client_id=ku-cli&username=a&password=b"), HttpStatusCode.BadRequest, "unsupported_grant_type"),
            ("a refresh grant without token", () => Form("grant_type=refresh_token&client_id=ku-cli"), HttpStatusCode.BadRequest, "invalid_request"),
            ("an unknown refresh token", () => Form("grant_type=refresh_token&refresh_token=nonsense&client_id=ku-cli"), HttpStatusCode.BadRequest, "invalid_grant"),
            ("client credentials without a client", () => Form("grant_type=client_credentials"), HttpStatusCode.BadRequest, "invalid_request"),
            ("a broken Basic header", () => Form("grant_type=client_credentials", "Basic", "%%%not-base64"), HttpStatusCode.BadRequest, "invalid_request"),
            ("a Basic header without a colon", () => Form("grant_type=client_credentials", "Basic", Convert.ToBase64String("rapporter"u8.ToArray())), HttpStatusCode.BadRequest, "invalid_request"),
            ("a confidential client without its secret", () => Form($"grant_type=client_credentials&client_id={IdentityFixture.MachineClient}"), HttpStatusCode.BadRequest, "invalid_request"),
            ("a secret without client id", () => Form("grant_type=client_credentials&client_secret=x"), HttpStatusCode.BadRequest, "invalid_request"),
            ("a client id with control characters", () => Form("grant_type=client_credentials&client_id=a%0Ab&client_secret=x"), HttpStatusCode.Unauthorized, "invalid_client"),
            ("percent-encoding that decodes to invalid UTF-8", () => Form("grant_type=refresh_token&client_id=ku-cli&refresh_token=%FF%FE"), HttpStatusCode.BadRequest, "invalid_grant"),
        };

        var unexpected = new List<string>();
        foreach (var (what, send, status, error) in cases)
        {
            var response = await send();
            var body = await response.Content.ReadAsStringAsync(Cancel);
            if (response.StatusCode != status || !body.Contains($"\"{error}\"", StringComparison.Ordinal))
            {
                unexpected.Add($"{what}: {(int)response.StatusCode} {body.ReplaceLineEndings(" ")}");
            }
        }

        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        foreach (var (what, send, status, error) in cases)
        {
            var response = await send();
            Assert.Equal(error, await ErrorOf(response, status));
            Assert.True(response.Headers.CacheControl?.NoStore, what);
            if (status == HttpStatusCode.Unauthorized)
            {
                Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
            }
        }

        async Task<HttpResponseMessage> Form(string body, string? scheme = null, string? credentials = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            if (scheme is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue(scheme, credentials);
            }

            return await client.SendAsync(request, Cancel);
        }
    }

    [Fact]
    public async Task A_refresh_token_is_exchanged_once_and_using_an_exchanged_one_again_revokes_the_whole_session()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync();
        var first = await _host.SignInAsync(joined.Email, IdentityHost.Password);
        var other = await _host.SignInAsync(joined.Email, IdentityHost.Password);

        var refreshed = await _host.RefreshAsync(first.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = TokenSet.From(await refreshed.Content.ReadFromJsonAsync<JsonElement>(Cancel));
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(joined.PersonId.ToString(), Jwt.Read(second.AccessToken).GetClaim(ClaimNames.Person).Value);

        // Someone replays the exchanged token: the thief and the rightful holder both lose the session.
        Assert.Equal("invalid_grant", await ErrorOf(await _host.RefreshAsync(first.RefreshToken!), HttpStatusCode.BadRequest));
        Assert.Equal("invalid_grant", await ErrorOf(await _host.RefreshAsync(second.RefreshToken!), HttpStatusCode.BadRequest));

        // Another session of the same person is not affected.
        Assert.Equal(HttpStatusCode.OK, (await _host.RefreshAsync(other.RefreshToken!)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_revokes_the_refresh_token_and_unknown_tokens_are_no_error()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync();
        var session = await _host.SignInAsync(joined.Email, IdentityHost.Password);
        using var client = _host.NewClient();

        var revoked = await client.PostAsync("/connect/revocation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = session.RefreshToken!,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = CodeFlowSignIn.CommandLineClient,
        }), Cancel);
        var unknown = await client.PostAsync("/connect/revocation", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "no-such-token", ["client_id"] = CodeFlowSignIn.CommandLineClient }), Cancel);
        var missing = await client.PostAsync("/connect/revocation", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = CodeFlowSignIn.CommandLineClient }), Cancel);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal("invalid_request", await ErrorOf(missing, HttpStatusCode.BadRequest));
        Assert.Equal("invalid_grant", await ErrorOf(await _host.RefreshAsync(session.RefreshToken!), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_refresh_token_issued_to_a_client_is_refused_to_another()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync();
        var session = await _host.SignInAsync(joined.Email, IdentityHost.Password);

        var byAnother = await _host.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = session.RefreshToken!,
            ["client_id"] = IdentityHost.PortalClient,
        });
        var byItsClient = await _host.RefreshAsync(session.RefreshToken!);

        Assert.Equal("invalid_grant", await ErrorOf(byAnother, HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.OK, byItsClient.StatusCode);
        Assert.Equal(CodeFlowSignIn.CommandLineClient, Jwt.Read(TokenSet.From(await byItsClient.Content.ReadFromJsonAsync<JsonElement>(Cancel)).AccessToken).GetClaim(ClaimNames.ClientId).Value);
    }

    [Fact]
    public async Task Machine_clients_authenticate_with_their_configured_secret_and_get_their_roles_and_scopes()
    {
        using var client = _host.NewClient();

        var basic = await ClientCredentialsAsync(client, IdentityFixture.MachineClient, IdentityFixture.MachineSecret, scope: "reports");
        var posted = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = IdentityFixture.HashedClient,
            ["client_secret"] = IdentityFixture.HashedClientSecret,
        }), Cancel);
        var wrongSecret = await ClientCredentialsAsync(client, IdentityFixture.MachineClient, "gissat");
        var unknownClient = await ClientCredentialsAsync(client, "okand", IdentityFixture.MachineSecret);
        var scopeNotAllowed = await ClientCredentialsAsync(client, IdentityFixture.MachineClient, IdentityFixture.MachineSecret, scope: "reports admin");

        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        var body = await basic.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.False(body.TryGetProperty("refresh_token", out _));
        var token = Jwt.Read(body.GetProperty("access_token").GetString()!);
        Assert.Equal("reports", token.GetClaim(ClaimNames.Scope).Value);
        Assert.Equal(IdentityFixture.MachineClient, token.Subject);
        Assert.Equal(IdentityFixture.MachineClient, token.GetClaim(ClaimNames.ClientId).Value);
        Assert.Equal(Roles.Facilitator, token.GetClaim(ClaimNames.Role).Value);
        Assert.Equal(["identity", "meetings"], token.Audiences.Order());
        Assert.False(token.TryGetClaim(ClaimNames.Person, out _));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("invalid_client", await ErrorOf(wrongSecret, HttpStatusCode.Unauthorized));
        Assert.Equal("invalid_client", await ErrorOf(unknownClient, HttpStatusCode.Unauthorized));
        Assert.Equal("invalid_scope", await ErrorOf(scopeNotAllowed, HttpStatusCode.BadRequest));
    }

    private static async Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient client, string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        return await client.SendAsync(request, Cancel);
    }

    private async Task<IReadOnlyList<string>> PublishedKeyIdsAsync()
    {
        using var client = _host.NewClient();
        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks", Cancel);
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
        return body.GetProperty("error").GetString();
    }
}
