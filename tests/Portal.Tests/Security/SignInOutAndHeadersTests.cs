using System.Net;

namespace KollegialtUtbyte.Portal.Tests.Security;

/// <summary>
/// Signing in keeps the address out of every URL; signing out takes the form's antiforgery token;
/// the portal's pages carry a content security policy and the usual protective headers.
/// </summary>
public sealed class SignInOutAndHeadersTests : IAsyncLifetime
{
    private IdentityStandIn _identity = null!;
    private PortalInstance _portal = null!;

    public async ValueTask InitializeAsync()
    {
        _identity = await IdentityStandIn.StartAsync();
        _portal = PortalInstance.Start(_identity, "Testing");
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_the_provider_refuses_gives_no_portal_session()
    {
        using var client = _portal.Client();

        using var response = await client.SignInAsync(_identity.User.Email, "fel-lösenord", returnUrl: "/admin/program");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(client.SetCookiesNamed("ku.portal="));
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task A_sign_in_goes_back_to_the_page_asked_for_and_never_off_site()
    {
        using var client = _portal.Client();
        using var back = await client.SignInAsync(_identity.User.Email, IdentityStandIn.Password, returnUrl: "/admin/program");
        Assert.Equal(HttpStatusCode.Found, back.StatusCode);
        Assert.Equal("/admin/program", PortalPath(back));

        using var another = _portal.Client();
        using var offSite = await another.SignInAsync(_identity.User.Email, IdentityStandIn.Password, returnUrl: "//elsewhere.example/");
        Assert.Equal("/", PortalPath(offSite));
    }

    [Fact]
    public async Task Signing_out_with_the_forms_token_ends_the_session_here_and_at_the_identity_service()
    {
        using var client = await SignedInAsync();
        var token = await client.FormTokenAsync("/");

        using var response = await client.PostFormAsync("/konto/logga-ut", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        // On to the provider's end-session endpoint, naming the session by its ID token.
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var endSession = response.Headers.Location!;
        Assert.Equal(new Uri(_identity.Address, IdentityStandIn.EndSessionPath), new Uri(endSession.GetLeftPart(UriPartial.Path)));
        Assert.Contains("id_token_hint=", endSession.Query, StringComparison.Ordinal);
        Assert.False(await client.IsSignedInAsync());
        Assert.Single(_identity.Revoked);
    }

    [Fact]
    public async Task A_post_from_another_site_without_the_token_does_not_sign_out()
    {
        using var client = await SignedInAsync();

        using var response = await client.PostFormAsync("/konto/logga-ut", new Dictionary<string, string>(), r =>
        {
            r.Headers.Add("Origin", "https://elsewhere.example");
            r.Headers.Add("Sec-Fetch-Site", "cross-site");
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(await client.IsSignedInAsync());
        Assert.Empty(_identity.Revoked);
    }

    [Fact]
    public async Task A_link_to_the_sign_out_address_does_not_sign_out()
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync("/konto/logga-ut");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await client.IsSignedInAsync());
        Assert.Empty(_identity.Revoked);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/logga-in")]
    [InlineData("/finns-inte-alls")]
    [InlineData("/portal-assets/site.css")]
    public async Task The_portals_responses_carry_the_security_headers(string path)
    {
        using var client = _portal.Client();

        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_asset_the_browser_already_has_is_answered_not_modified()
    {
        using var first = _portal.Client();
        using var fresh = await first.GetAsync("/portal-assets/site.css");
        var etag = fresh.Headers.ETag!.Tag;

        using var again = _portal.Client(r => r.Headers.TryAddWithoutValidation("If-None-Match", $"\"an-older-one\", {etag}"));
        using var cached = await again.GetAsync("/portal-assets/site.css");

        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Equal(etag, cached.Headers.ETag?.Tag);
        Assert.Equal("public, max-age=3600", cached.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Only_Production_sends_HSTS_and_only_over_https()
    {
        using (var testing = _portal.Client())
        using (var notProduction = await testing.GetAsync("/logga-in"))
        {
            Assert.False(notProduction.Headers.Contains("Strict-Transport-Security"));
        }

        var keys = Directory.CreateTempSubdirectory("ku-portal-keys-");
        try
        {
            await using var production = PortalInstance.Start(_identity, "Production", new Dictionary<string, string?>
            {
                ["Portal:TrustedProxies:0"] = "127.0.0.1",
                ["DataProtection:KeysPath"] = keys.FullName,
                ["DataProtection:Certificate:Path"] = TestCertificate.PemFile(Path.Combine(keys.FullName, "certificate.pem")),
            });
            using var plain = production.Client();
            using var viaGateway = production.Client(r =>
            {
                r.Headers.Add("X-Forwarded-Proto", "https");
                r.Headers.Add("X-Forwarded-Host", "kollegialt-utbyte.example");
            });

            using var overHttp = await plain.GetAsync("/logga-in");
            using var overHttps = await viaGateway.GetAsync("/logga-in");

            Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
            Assert.StartsWith("max-age=", Header(overHttps, "Strict-Transport-Security"), StringComparison.Ordinal);
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var client = _portal.Client();
        using var response = await client.SignInAsync(_identity.User.Email, IdentityStandIn.Password);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.True(await client.IsSignedInAsync());
        return client;
    }

    /// <summary>The path a redirect leads to, which must be on the portal itself.</summary>
    private string PortalPath(HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location ?? throw new Xunit.Sdk.XunitException("no Location");
        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        Assert.Equal(_portal.Address.Authority, location.Authority);
        return location.PathAndQuery;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header.");
}
