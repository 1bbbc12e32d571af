using System.Text.RegularExpressions;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>
/// The API reference for the regions' IT teams: readable without a token, over the services'
/// documents only, and under a content security policy that lets nothing but the gateway's own
/// files and the page's own start script run.
/// </summary>
public sealed partial class ApiReferenceTests(SuiteBehindGateway suite) : IClassFixture<SuiteBehindGateway>
{
    [Fact]
    public async Task The_reference_is_read_without_a_token_and_offers_every_services_document_read_through_the_gateway()
    {
        using var client = suite.Gateway.ClientAs(null);

        using var response = await client.GetAsync("/api/docs/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var documents = DocumentUrl().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["api/feedback/openapi.json", "api/identity/openapi.json", "api/meetings/openapi.json", "api/notifications/openapi.json", "api/regions/openapi.json"], documents);

        // Each as the reference's browser code reads it: through the gateway, without a token.
        foreach (var document in documents.Where(d => d.Contains("regions") || d.Contains("meetings")))
        {
            using var read = await client.GetAsync("/" + document, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
    }

    [Fact]
    public async Task A_document_named_in_the_address_is_read_where_the_service_serves_it()
    {
        using var client = suite.Gateway.ClientAs(null);

        using var response = await client.GetAsync("/api/docs/regions", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["/api/regions/openapi.json"], DocumentUrl().Matches(page).Select(m => "/" + m.Groups[1].Value.TrimStart('/')).ToList());
    }

    [Fact]
    public async Task The_page_runs_only_the_gateways_own_script_files_and_its_nonced_start_script()
    {
        using var client = suite.Gateway.ClientAs(null);

        using var first = await client.GetAsync("/api/docs/", TestContext.Current.CancellationToken);
        using var second = await client.GetAsync("/api/docs/", TestContext.Current.CancellationToken);

        var policy = Assert.Single(first.Headers.GetValues("Content-Security-Policy"));
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.NotEqual(policy, Assert.Single(second.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("connect-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy);
        Assert.Equal("DENY", Assert.Single(first.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(first.Headers.GetValues("X-Content-Type-Options")));

        var page = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var scripts = ScriptTag().Matches(page).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag));

        // No script, style, font or call to another site: everything the page loads comes from the gateway.
        Assert.DoesNotMatch(ExternalUrl(), page);
    }

    [Fact]
    public async Task The_references_script_is_served_by_the_gateway_without_a_token()
    {
        using var client = suite.Gateway.ClientAs(null);
        var page = await (await client.GetAsync("/api/docs/", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var sources = ScriptSource().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);

        foreach (var source in sources)
        {
            using var script = await client.GetAsync(new Uri(new Uri(suite.Gateway.Address, "/api/docs/"), source), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType ?? "");
        }
    }

    [Theory]
    [InlineData("POST", "/api/docs/")]
    [InlineData("GET", "/api/regions/probe/signed-in")]
    [InlineData("GET", "/api/unknown")]
    public async Task The_reference_opens_nothing_else_without_a_token(string method, string path)
    {
        using var client = suite.Gateway.ClientAs(null);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.MethodNotAllowed, $"{method} {path}: {(int)response.StatusCode}");
    }

    [GeneratedRegex("\"url\":\"([^\"]+)\"")]
    private static partial Regex DocumentUrl();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("(src|href)=\"https?://")]
    private static partial Regex ExternalUrl();
}
