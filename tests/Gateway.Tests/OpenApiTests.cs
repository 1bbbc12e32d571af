using System.Text.Json;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>Each service's OpenAPI document can be read through the gateway (ApiReferenceTests: the page over them).</summary>
public sealed class OpenApiTests(SuiteBehindGateway suite) : IClassFixture<SuiteBehindGateway>
{
    [Theory]
    [InlineData("regions", "/api/regions/probe/administrators")]
    [InlineData("meetings", "/api/meetings/invitations/answer")]
    public async Task A_modules_document_is_read_through_the_gateway_without_a_token_and_holds_only_its_own_endpoints(string module, string expectedPath)
    {
        using var client = suite.Gateway.ClientAs(null);

        using var response = await client.GetAsync($"/api/{module}/openapi.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(expectedPath, paths);
        Assert.All(paths, path => Assert.StartsWith($"/api/{module}/", path));

        // No server address: paths resolve against wherever the document was read, here the gateway.
        Assert.False(document.RootElement.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Only_reading_the_document_is_public_not_the_rest_of_the_service()
    {
        using var client = suite.Gateway.ClientAs(null);

        using var post = await client.PostAsync("/api/regions/openapi.json", null, TestContext.Current.CancellationToken);
        using var sibling = await client.GetAsync("/api/regions/openapi.yaml", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sibling.StatusCode);
    }

}
