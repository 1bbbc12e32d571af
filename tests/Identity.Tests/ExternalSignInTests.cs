using KollegialtUtbyte.Identity.ApiContracts;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// "Logga in med din organisations konto": the organisation's own provider (a second OpenIddict
/// server on a loopback port) vouches for a person, and the identity service links that identity
/// to the existing account whose confirmed address it gave, and never to anyone else.
/// </summary>
public sealed class ExternalSignInTests : IAsyncLifetime
{
    private const string Domain = "regionvarmland.example";
    private const string ProviderName = "region-varmland";

    private TestTokenIssuer _issuer = null!;
    private OrganisationProvider _organisation = null!;
    private IdentityHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _organisation = await OrganisationProvider.StartAsync("http://localhost/account/external/callback");
        _host = IdentityHost.InProcess(_issuer, s =>
        {
            s["Identity:ExternalProviders:0:Name"] = ProviderName;
            s["Identity:ExternalProviders:0:DisplayName"] = "Region Värmland";
            s["Identity:ExternalProviders:0:Authority"] = _organisation.Issuer;
            s["Identity:ExternalProviders:0:ClientId"] = OrganisationProvider.ClientId;
            s["Identity:ExternalProviders:0:ClientSecret"] = OrganisationProvider.ClientSecret;
            s["Identity:ExternalProviders:0:Domains:0"] = Domain;
        });
        _ = _host.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _organisation.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_organisations_account_and_an_address_of_its_domain_goes_there()
    {
        using var browser = _host.NewClient();
        var signIn = await SignInPageAsync(browser);
        using var shown = await browser.GetAsync(signIn, Cancel);
        var page = await shown.Content.ReadAsStringAsync(Cancel);

        Assert.Contains("formaction=\"/account/sign-in/organisation\"", page, StringComparison.Ordinal);
        Assert.Contains("Logga in med din organisations konto", page, StringComparison.Ordinal);

        // The browser applies form-action to the redirects that answer the form: the organisation's origin,
        // and loopback on any port for the command-line client's redirect (RFC 8252), are allowed.
        var policy = string.Join(" ", shown.Headers.GetValues("Content-Security-Policy"));
        var formAction = policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("form-action ", StringComparison.Ordinal)).Split(' ');
        Assert.Equal("'self'", formAction[1]);
        Assert.Contains(new Uri(_organisation.Issuer).GetLeftPart(UriPartial.Authority), formAction);
        Assert.Contains("http://127.0.0.1:*", formAction);
        Assert.Contains("http://[::1]:*", formAction);
        Assert.DoesNotContain("*", formAction);

        // Only the address, no password: the organisation signs its own people in.
        using var onlyAddress = await CodeFlowSignIn.PostSignInFormAsync(browser, signIn, $"anna@{Domain}", "", Cancel);
        Assert.StartsWith(_organisation.Issuer + "connect/authorize?", CodeFlowSignIn.Redirected(onlyAddress, "the sign-in form"), StringComparison.Ordinal);

        // Another domain has no provider: the person is told so and keeps the password form.
        using var elsewhere = await PostOrganisationAsync(browser, signIn, "bo@annanregion.example");
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal("Din organisation har ingen egen inloggning här. Logga in med e-postadress och lösenord.", await CodeFlowSignIn.RefusalOf(elsewhere));
    }

    [Fact]
    public async Task The_identity_is_linked_to_the_account_with_the_confirmed_address_and_signs_in_to_it_by_the_link_later()
    {
        var (joined, activation) = await _host.ActiveTeamMemberAsync();
        var subject = Guid.NewGuid().ToString("N");
        _organisation.SignedIn = new OrganisationPerson(subject, joined.Email.ToUpperInvariant(), EmailVerified: true);

        var tokens = await SignInWithOrganisationAsync(joined.Email);

        var token = Jwt.Read(tokens.AccessToken);
        Assert.Equal(activation.AccountId.ToString(), token.Subject);
        Assert.Equal(joined.PersonId.ToString(), token.Claims.Single(c => c.Type == ClaimNames.Person).Value);
        Assert.True(_organisation.AuthenticatedTokenRequests >= 1, "the code was redeemed with the client secret");
        var links = await LinksAsync(activation.AccountId);
        Assert.Equal([new ExternalLogin(_organisation.Issuer, subject, "Region Värmland")], links);
        var linked = await _host.PublishedAsync<ExternalLoginLinked>(e => e.AccountId == activation.AccountId);
        Assert.Equal((joined.PersonId, _organisation.Issuer, subject, "Region Värmland"), (linked.PersonId, linked.Issuer, linked.Subject, linked.ProviderName));

        // Later the link decides, whatever address the organisation gives then.
        _organisation.SignedIn = new OrganisationPerson(subject, "eva.lindqvist.ny@" + Domain);
        var again = await SignInWithOrganisationAsync(joined.Email);
        Assert.Equal(activation.AccountId.ToString(), Jwt.Read(again.AccessToken).Subject);
        Assert.Single(await LinksAsync(activation.AccountId));
        Assert.Single(_host.Published<ExternalLoginLinked>(), e => e.AccountId == activation.AccountId);
    }

    [Fact]
    public async Task An_unknown_person_is_refused_and_no_account_is_created()
    {
        var accountsBefore = await _host.WithDbAsync(db => db.Users.CountAsync(Cancel));
        _organisation.SignedIn = new OrganisationPerson(Guid.NewGuid().ToString("N"), $"okand.person@{Domain}", EmailVerified: true);

        using var refused = await RefusedSignInAsync($"okand.person@{Domain}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(
            "Det finns inget konto för dig här. Inget konto har skapats. Be den som samordnar utbytet i din region om ett konto.",
            await CodeFlowSignIn.RefusalOf(refused));
        Assert.Equal(accountsBefore, await _host.WithDbAsync(db => db.Users.CountAsync(Cancel)));
        Assert.Equal(0, await _host.WithDbAsync(db => db.UserLogins.CountAsync(Cancel)));
        Assert.Empty(_host.Published<ExternalLoginLinked>());
    }

    [Fact]
    public async Task An_unconfirmed_address_links_nothing()
    {
        // Provisioned from the directory, never activated: the address was not confirmed by its owner.
        var (joined, activation) = await _host.AddTeamMemberAsync(TeamRole.KeyOfficial);
        Assert.False((await _host.AccountOfAsync(joined.PersonId))!.EmailConfirmed);
        _organisation.SignedIn = new OrganisationPerson(Guid.NewGuid().ToString("N"), joined.Email, EmailVerified: true);

        using var refused = await RefusedSignInAsync(joined.Email, english: true);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(
            "Your account cannot be linked to your organisation's account until your e-mail address is confirmed. Please activate the account with the link in the e-mail first.",
            await CodeFlowSignIn.RefusalOf(refused));
        Assert.Empty(await LinksAsync(activation.AccountId));
    }

    [Fact]
    public async Task The_provider_is_not_believed_for_another_domain_nor_for_an_address_it_calls_unverified()
    {
        var (joined, activation) = await _host.ActiveTeamMemberAsync();

        _organisation.SignedIn = new OrganisationPerson(Guid.NewGuid().ToString("N"), IdentityHost.AdministratorEmail, EmailVerified: true);
        using var otherDomain = await RefusedSignInAsync(joined.Email);
        _organisation.SignedIn = new OrganisationPerson(Guid.NewGuid().ToString("N"), joined.Email, EmailVerified: false);
        using var unverified = await RefusedSignInAsync(joined.Email);

        Assert.Equal(HttpStatusCode.Forbidden, otherDomain.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unverified.StatusCode);
        Assert.Empty(await LinksAsync(activation.AccountId));
        Assert.Equal(0, await _host.WithDbAsync(db => db.UserLogins.CountAsync(Cancel)));
    }

    [Fact]
    public async Task An_administrator_sees_and_removes_the_link_and_the_next_sign_in_links_again_only_by_the_confirmed_address()
    {
        var (joined, activation) = await _host.ActiveTeamMemberAsync();
        var subject = Guid.NewGuid().ToString("N");
        _organisation.SignedIn = new OrganisationPerson(subject, joined.Email);
        await SignInWithOrganisationAsync(joined.Email);
        var administratorUser = TestUser.Administrator();
        using var administrator = ApiClient(administratorUser);
        using var member = ApiClient(TestUser.TeamMember(joined.RegionId).WithPerson(joined.PersonId));
        var path = $"/api/identity/accounts/{activation.AccountId}/external-logins";
        var query = $"?issuer={Uri.EscapeDataString(_organisation.Issuer)}&subject={subject}";

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(path, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.DeleteAsync(path + query, Cancel)).StatusCode);
        var seen = await administrator.GetFromJsonAsync<List<ExternalLogin>>(path, Cancel);
        Assert.Equal([new ExternalLogin(_organisation.Issuer, subject, "Region Värmland")], seen);
        var missing = await administrator.DeleteAsync(path + $"?issuer={Uri.EscapeDataString(_organisation.Issuer)}", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("subject", (await missing.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await administrator.DeleteAsync(path + query + "x", Cancel)).StatusCode);

        var removed = await administrator.DeleteAsync(path + query, Cancel);

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty((await removed.Content.ReadFromJsonAsync<List<ExternalLogin>>(Cancel))!);
        Assert.Empty(await LinksAsync(activation.AccountId));
        var audited = await _host.PublishedAsync<ExternalLoginRemoved>(e => e.AccountId == activation.AccountId);
        Assert.Equal((_organisation.Issuer, subject, administratorUser.PersonId), (audited.Issuer, audited.Subject, audited.RemovedBy));

        // The old identity no longer signs in by the link; with an address that is not the account's it is refused.
        _organisation.SignedIn = new OrganisationPerson(subject, $"nagon.annan@{Domain}");
        using var refused = await RefusedSignInAsync(joined.Email);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // With the account's confirmed address it is linked again, by the rule that linked it first.
        _organisation.SignedIn = new OrganisationPerson(subject, joined.Email);
        var relinked = await SignInWithOrganisationAsync(joined.Email);
        Assert.Equal(activation.AccountId.ToString(), Jwt.Read(relinked.AccessToken).Subject);
        Assert.Single(await LinksAsync(activation.AccountId));
    }

    [Fact]
    public async Task A_second_identity_at_the_same_organisation_does_not_take_over_a_linked_account()
    {
        var (joined, activation) = await _host.ActiveTeamMemberAsync();
        _organisation.SignedIn = new OrganisationPerson(Guid.NewGuid().ToString("N"), joined.Email);
        await SignInWithOrganisationAsync(joined.Email);

        _organisation.SignedIn = new OrganisationPerson(Guid.NewGuid().ToString("N"), joined.Email);
        using var refused = await RefusedSignInAsync(joined.Email);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(
            "Ditt konto är redan kopplat till en annan identitet hos din organisation. Be en administratör ta bort den gamla kopplingen.",
            await CodeFlowSignIn.RefusalOf(refused));
        Assert.Single(await LinksAsync(activation.AccountId));
    }

    [Fact]
    public async Task A_cancelled_sign_in_at_the_organisation_returns_to_the_sign_in_page_of_the_same_request()
    {
        _organisation.SignedIn = null;
        using var browser = _host.NewClient();
        var signIn = await SignInPageAsync(browser);
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), signIn).Query)["returnUrl"].ToString();
        using var toOrganisation = await PostOrganisationAsync(browser, signIn, $"anna@{Domain}");

        using var back = await FollowOrganisationAsync(browser, toOrganisation);

        var page = CodeFlowSignIn.Redirected(back, "the callback after a cancelled sign-in");
        Assert.StartsWith("/account/sign-in?", page, StringComparison.Ordinal);
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(returnUrl), page, StringComparison.Ordinal);
        using var shown = await browser.GetAsync(page, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
        Assert.Equal(
            "Inloggningen hos din organisation avbröts eller misslyckades. Försök igen, eller logga in med e-postadress och lösenord.",
            await CodeFlowSignIn.RefusalOf(shown));
    }

    [Fact]
    public async Task The_providers_client_secret_is_never_logged()
    {
        var logs = new CapturedLogs();
        await using var host = IdentityHost.InProcess(_issuer, s =>
        {
            foreach (var (key, value) in _host.Settings.Where(p => p.Key.StartsWith("Identity:ExternalProviders", StringComparison.Ordinal)))
            {
                s[key] = value;
            }

            s["Logging:LogLevel:Default"] = "Trace";
        });
        host.Logs = logs;
        _organisation.SignedIn = new OrganisationPerson(Guid.NewGuid().ToString("N"), $"okand@{Domain}");

        using var browser = host.NewClient();
        var signIn = await SignInPageAsync(browser);
        using var toOrganisation = await PostOrganisationAsync(browser, signIn, $"okand@{Domain}");
        using var callback = await FollowOrganisationAsync(browser, toOrganisation);
        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);

        Assert.True(_organisation.AuthenticatedTokenRequests >= 1);
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Contains(OrganisationProvider.ClientSecret, StringComparison.Ordinal));
    }

    private HttpClient ApiClient(TestUser user)
    {
        var client = _host.NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _issuer.CreateToken(user));
        return client;
    }

    private Task<List<ExternalLogin>> LinksAsync(Guid accountId) =>
        _host.WithDbAsync(async db => await db.UserLogins.Where(l => l.UserId == accountId)
            .Select(l => new ExternalLogin(l.LoginProvider, l.ProviderKey, l.ProviderDisplayName)).ToListAsync(Cancel));

    private static async Task<string> SignInPageAsync(HttpClient browser, Pkce? pkce = null)
    {
        var authorization = CodeFlowSignIn.AuthorizationUrl(CodeFlowSignIn.CommandLineClient, CodeFlowSignIn.LoopbackRedirectUri, (pkce ?? Pkce.New()).Challenge);
        return CodeFlowSignIn.Redirected(await browser.GetAsync(authorization, Cancel), "the authorization request");
    }

    /// <summary>Presses "Logga in med din organisations konto" with the address filled in.</summary>
    private static async Task<HttpResponseMessage> PostOrganisationAsync(HttpClient browser, string signInUrl, string email, bool english = false)
    {
        var page = await browser.GetStringAsync(signInUrl + (english ? "&lang=en" : ""), Cancel);
        var form = System.Text.RegularExpressions.Regex.Matches(page, "<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        form["username"] = email;
        form["password"] = "";
        return await browser.PostAsync("/account/sign-in/organisation", new FormUrlEncodedContent(form), Cancel);
    }

    /// <summary>To the organisation's provider (its own cookie jar) and back to the identity service's callback.</summary>
    private async Task<HttpResponseMessage> FollowOrganisationAsync(HttpClient browser, HttpResponseMessage toOrganisation)
    {
        var authorize = toOrganisation.Headers.Location ?? throw new InvalidOperationException($"Expected a redirect to the organisation, got {(int)toOrganisation.StatusCode}");
        Assert.StartsWith(_organisation.Issuer, authorize.AbsoluteUri, StringComparison.Ordinal);
        using var organisation = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var back = await organisation.GetAsync(authorize, Cancel);
        var callback = back.Headers.Location ?? throw new InvalidOperationException($"The organisation answered {(int)back.StatusCode}: {await back.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("/account/external/callback", callback.AbsolutePath);
        return await browser.GetAsync(callback.PathAndQuery, Cancel);
    }

    /// <summary>The whole way, as a person: the authorization request, the organisation, the callback, back to the request and the code redeemed.</summary>
    private async Task<SignedInTokens> SignInWithOrganisationAsync(string email)
    {
        using var browser = _host.NewClient();
        var pkce = Pkce.New();
        var signIn = await SignInPageAsync(browser, pkce);
        using var toOrganisation = await PostOrganisationAsync(browser, signIn, email);
        using var callback = await FollowOrganisationAsync(browser, toOrganisation);
        var authorization = CodeFlowSignIn.Redirected(callback, "the callback");
        Assert.StartsWith("/connect/authorize?", authorization, StringComparison.Ordinal);
        using var back = await browser.GetAsync(authorization, Cancel);
        var code = CodeFlowSignIn.CodeFrom(CodeFlowSignIn.Redirected(back, "the authorization request after the organisation"));
        using var redeemed = await CodeFlowSignIn.RedeemAsync(browser, code, pkce.Verifier, cancellationToken: Cancel);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        return SignedInTokens.From(await redeemed.Content.ReadFromJsonAsync<JsonElement>(Cancel));
    }

    private async Task<HttpResponseMessage> RefusedSignInAsync(string email, bool english = false)
    {
        using var browser = _host.NewClient();
        var signIn = await SignInPageAsync(browser);
        using var toOrganisation = await PostOrganisationAsync(browser, signIn, email, english);
        return await FollowOrganisationAsync(browser, toOrganisation);
    }
}
