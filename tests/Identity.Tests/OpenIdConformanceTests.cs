using Microsoft.AspNetCore.WebUtilities;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// The authorization code flow as the specifications say it must behave: PKCE required and
/// S256 only (RFC 7636, OAuth 2.0 Security BCP), redirect URIs compared exactly, a code used
/// once, access tokens typed <c>at+jwt</c> for the APIs (RFC 9068), and the sign-in form.
/// </summary>
public sealed class OpenIdConformanceTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private const string Client = CodeFlowSignIn.CommandLineClient;
    private const string Redirect = CodeFlowSignIn.LoopbackRedirectUri;

    private readonly IdentityHost _host = fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_signs_in_with_the_code_flow_and_gets_an_at_jwt_access_token_for_every_api_and_an_id_token()
    {
        var regionId = Guid.NewGuid();
        var (joined, _) = await _host.ActiveTeamMemberAsync(TeamRole.ProjectLeader, regionId);
        using var client = _host.NewClient();

        var tokens = await CodeFlowSignIn.SignInAsync(client, joined.Email, IdentityHost.Password, Cancel);

        var access = Jwt.Read(tokens.AccessToken);
        Assert.Equal("at+jwt", access.Typ);
        Assert.Equal("RS256", access.Alg);
        Assert.Equal(["feedback", "identity", "meetings", "notifications", "regions"], access.Audiences.Order());
        Assert.Equal(joined.PersonId.ToString(), access.GetClaim(ClaimNames.Person).Value);
        Assert.Equal(regionId.ToString(), access.GetClaim(ClaimNames.Region).Value);
        Assert.Contains(access.Claims, c => c.Type == ClaimNames.Role && c.Value == Roles.ProjectLeader);
        Assert.Equal(Client, access.GetClaim(ClaimNames.ClientId).Value);
        Assert.NotNull(tokens.RefreshToken);
        Assert.Equal("JWT", Jwt.Read(tokens.IdToken!).Typ);
        Assert.Equal(Client, Assert.Single(Jwt.Read(tokens.IdToken!).Audiences));
    }

    [Fact]
    public async Task Without_a_PKCE_challenge_or_with_plain_the_authorization_request_is_refused()
    {
        using var client = _host.NewClient();

        var without = await ErrorOfAuthorizationAsync(client, CodeFlowSignIn.AuthorizationUrl(Client, Redirect, challenge: null));
        var plain = await ErrorOfAuthorizationAsync(client, CodeFlowSignIn.AuthorizationUrl(Client, Redirect, Pkce.New().Verifier, method: "plain"));

        Assert.Equal("invalid_request", without);
        Assert.Equal("invalid_request", plain);
    }

    [Fact]
    public async Task A_code_is_redeemed_only_with_its_verifier()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync();
        using var client = _host.NewClient();
        var pkce = Pkce.New();
        var code = await CodeFlowSignIn.AuthorizeAsync(client, joined.Email, IdentityHost.Password, CodeFlowSignIn.AuthorizationUrl(Client, Redirect, pkce.Challenge), Cancel);

        var wrongVerifier = await CodeFlowSignIn.RedeemAsync(client, code, Pkce.New().Verifier, cancellationToken: Cancel);

        Assert.Equal("invalid_grant", await ErrorOfAsync(wrongVerifier, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Redirect_uris_are_compared_exactly_except_for_the_port_of_a_loopback_one()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync();
        using var client = _host.NewClient();
        var pkce = Pkce.New();

        var otherPath = await client.GetAsync(CodeFlowSignIn.AuthorizationUrl(Client, "http://127.0.0.1:51789/callback/elsewhere", pkce.Challenge), Cancel);
        var otherHost = await client.GetAsync(CodeFlowSignIn.AuthorizationUrl(Client, "http://attacker.example/callback", pkce.Challenge), Cancel);
        var otherPort = await CodeFlowSignIn.AuthorizeAsync(client, joined.Email, IdentityHost.Password, CodeFlowSignIn.AuthorizationUrl(Client, "http://127.0.0.1:40404/callback", pkce.Challenge), Cancel);

        // A refused redirect URI is never redirected to: the error is the provider's own page.
        Assert.Equal(HttpStatusCode.BadRequest, otherPath.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherHost.StatusCode);

        // The code is bound to the redirect URI of its request.
        var mismatched = await CodeFlowSignIn.RedeemAsync(client, otherPort, pkce.Verifier, redirectUri: Redirect, cancellationToken: Cancel);
        Assert.Equal("invalid_grant", await ErrorOfAsync(mismatched, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_code_works_once_and_using_it_again_revokes_what_it_gave()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync();
        using var client = _host.NewClient();
        var pkce = Pkce.New();
        var code = await CodeFlowSignIn.AuthorizeAsync(client, joined.Email, IdentityHost.Password, CodeFlowSignIn.AuthorizationUrl(Client, Redirect, pkce.Challenge), Cancel);

        var first = await CodeFlowSignIn.RedeemAsync(client, code, pkce.Verifier, cancellationToken: Cancel);
        var tokens = SignedInTokens.From(await first.Content.ReadFromJsonAsync<JsonElement>(Cancel));
        var again = await CodeFlowSignIn.RedeemAsync(client, code, pkce.Verifier, cancellationToken: Cancel);

        Assert.Equal("invalid_grant", await ErrorOfAsync(again, HttpStatusCode.BadRequest));
        Assert.Equal("invalid_grant", await ErrorOfAsync(await _host.RefreshAsync(tokens.RefreshToken!), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task The_sign_in_page_is_a_plain_form_in_Swedish_or_English_with_an_antiforgery_token()
    {
        using var client = _host.NewClient();
        var toSignIn = await client.GetAsync(CodeFlowSignIn.AuthorizationUrl(Client, Redirect, Pkce.New().Challenge), Cancel);
        var signInUrl = CodeFlowSignIn.Redirected(toSignIn, "the authorization request");

        var swedish = await client.GetStringAsync(signInUrl, Cancel);
        var english = await client.GetStringAsync(signInUrl + "&lang=en", Cancel);

        Assert.StartsWith("/account/sign-in?", signInUrl, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\">", swedish, StringComparison.Ordinal);
        Assert.Contains("Logga in", swedish, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Sign in", english, StringComparison.Ordinal);
        foreach (var field in new[] { "name=\"username\"", "name=\"password\"", "name=\"__RequestVerificationToken\"", "name=\"returnUrl\"" })
        {
            Assert.Contains(field, swedish, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", swedish, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_or_a_missing_antiforgery_token_shows_the_form_again_and_signs_nobody_in()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync();
        using var client = _host.NewClient();
        var authorization = CodeFlowSignIn.AuthorizationUrl(Client, Redirect, Pkce.New().Challenge);
        var signInUrl = CodeFlowSignIn.Redirected(await client.GetAsync(authorization, Cancel), "the authorization request");

        var wrong = await CodeFlowSignIn.PostSignInFormAsync(client, signInUrl, joined.Email, "fel-losenord-helt-klart", Cancel);
        var forged = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = joined.Email,
            ["password"] = IdentityHost.Password,
            ["returnUrl"] = authorization,
        }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("E-postadressen eller lösenordet stämmer inte.", await wrong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var stillAsked = await client.GetAsync(authorization, Cancel);
        Assert.StartsWith("/account/sign-in?", CodeFlowSignIn.Redirected(stillAsked, "the authorization request"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_at_the_page()
    {
        var (joined, _) = await _host.ActiveTeamMemberAsync();
        var account = await _host.AccountOfAsync(joined.PersonId);
        await _host.WithDbAsync(async db =>
        {
            var tracked = await db.Users.FindAsync([account!.Id], Cancel);
            tracked!.DisabledAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync(Cancel);
        });
        using var client = _host.NewClient();
        var signInUrl = CodeFlowSignIn.Redirected(await client.GetAsync(CodeFlowSignIn.AuthorizationUrl(Client, Redirect, Pkce.New().Challenge), Cancel), "the authorization request");

        var refused = await CodeFlowSignIn.PostSignInFormAsync(client, signInUrl, joined.Email, IdentityHost.Password, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("E-postadressen eller lösenordet stämmer inte.", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    /// <summary>The <c>error</c> of a refused authorization request: redirected to the client, or the provider's own page.</summary>
    private static async Task<string?> ErrorOfAuthorizationAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Cancel);
        if (response.Headers.Location is { } location)
        {
            Assert.DoesNotContain("/account/sign-in", location.OriginalString, StringComparison.Ordinal);
            return QueryHelpers.ParseQuery(location.Query).TryGetValue("error", out var error) ? error.ToString() : null;
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(Cancel)).Contains("invalid_request", StringComparison.Ordinal) ? "invalid_request" : null;
    }

    private static async Task<string?> ErrorOfAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error").GetString();
    }
}
