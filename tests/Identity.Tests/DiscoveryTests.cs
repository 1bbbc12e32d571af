namespace KollegialtUtbyte.Identity.Tests;

/// <summary>What validators read: the discovery document and the published public keys.</summary>
public sealed class DiscoveryTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_discovery_document_names_the_issuer_and_where_the_keys_and_the_endpoints_are()
    {
        using var anonymous = fixture.Host.NewClient();

        var response = await anonymous.GetAsync("/.well-known/openid-configuration", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("http://localhost/", document.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/.well-known/jwks", document.GetProperty("jwks_uri").GetString());
        Assert.Equal("http://localhost/connect/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/connect/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost/connect/revocation", document.GetProperty("revocation_endpoint").GetString());
        Assert.Equal("http://localhost/connect/introspect", document.GetProperty("introspection_endpoint").GetString());
        Assert.Equal("http://localhost/connect/endsession", document.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["S256"], Strings(document, "code_challenge_methods_supported"));
        Assert.Equal(["code"], Strings(document, "response_types_supported"));
        Assert.Equal(["RS256"], Strings(document, "id_token_signing_alg_values_supported"));
        Assert.Superset(new HashSet<string?> { "authorization_code", "refresh_token", "client_credentials" }, Strings(document, "grant_types_supported").ToHashSet());
        Assert.Superset(new HashSet<string?> { "openid", "offline_access", "identity", "regions", "meetings", "feedback", "reports" }, Strings(document, "scopes_supported").ToHashSet());
    }

    [Fact]
    public async Task The_JWKS_publishes_the_public_half_of_the_signing_key_under_its_kid()
    {
        using var anonymous = fixture.Host.NewClient();
        var session = await fixture.Host.SignInAsync(IdentityHost.AdministratorEmail, IdentityHost.AdministratorPassword);

        var jwks = await anonymous.GetFromJsonAsync<JsonElement>("/.well-known/jwks", Cancel);

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal(Jwt.Read(session.AccessToken).Kid, key.GetProperty("kid").GetString());
        foreach (var privatePart in new[] { "d", "p", "q", "dp", "dq", "qi" })
        {
            Assert.False(key.TryGetProperty(privatePart, out _), privatePart);
        }
    }

    [Fact]
    public async Task A_configured_issuer_is_the_issuer_wherever_the_request_came_from()
    {
        await using var host = IdentityHost.InProcess(fixture.Issuer, s => s["Identity:Issuer"] = "https://konto.kollegialt-utbyte.example/");
        using var client = host.NewClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Cancel);
        var token = Jwt.Read((await host.SignInAsync(IdentityHost.AdministratorEmail, IdentityHost.AdministratorPassword)).AccessToken);

        Assert.Equal("https://konto.kollegialt-utbyte.example/", document.GetProperty("issuer").GetString());
        Assert.Equal("https://konto.kollegialt-utbyte.example/", token.Issuer);
        Assert.All(AdvertisedUrls(document), url => Assert.StartsWith("https://konto.kollegialt-utbyte.example/", url));
        Assert.Equal("https://konto.kollegialt-utbyte.example/.well-known/jwks", document.GetProperty("jwks_uri").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Behind_the_gateway_every_advertised_url_is_the_gateway_s(bool issuerConfigured)
    {
        var gatewayPort = LoopbackPorts.Reserve();
        var publicUrl = $"http://127.0.0.1:{gatewayPort}";
        await using var identity = IdentityHost.OnKestrel(fixture.Issuer, s => s["Identity:Issuer"] = issuerConfigured ? publicUrl : null);
        await using var gateway = new GatewayInFront(fixture.Issuer, identity.BaseUrl!, gatewayPort);
        using var client = new HttpClient { BaseAddress = gateway.Address };

        var document = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Cancel);

        Assert.Equal(publicUrl + "/", document.GetProperty("issuer").GetString());
        var urls = AdvertisedUrls(document);
        Assert.Equal(6, urls.Count);
        Assert.All(urls, url => Assert.StartsWith(publicUrl + "/", url));
        Assert.DoesNotContain(urls, url => url.StartsWith(identity.BaseUrl!, StringComparison.Ordinal));

        // The advertised addresses work: the keys are reachable through the gateway.
        using var jwks = await client.GetAsync(document.GetProperty("jwks_uri").GetString(), Cancel);
        Assert.Equal(HttpStatusCode.OK, jwks.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_address_do_not_change_the_advertised_urls()
    {
        await using var identity = IdentityHost.OnKestrel(fixture.Issuer, s => s["Identity:TrustedProxies:0"] = "192.0.2.0/24");
        using var client = new HttpClient { BaseAddress = new Uri(identity.BaseUrl!) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "attacker.example");

        using var response = await client.SendAsync(request, Cancel);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.All(AdvertisedUrls(document), url => Assert.StartsWith(identity.BaseUrl! + "/", url));
    }

    private static List<string> AdvertisedUrls(JsonElement document) =>
        document.EnumerateObject().Where(p => p.Name.EndsWith("_uri", StringComparison.Ordinal) || p.Name.EndsWith("_endpoint", StringComparison.Ordinal))
            .Select(p => p.Value.GetString()!).ToList();


    private static IReadOnlyList<string?> Strings(JsonElement document, string property) =>
        document.GetProperty(property).EnumerateArray().Select(e => e.GetString()).ToList();
}
