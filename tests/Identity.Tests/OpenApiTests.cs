using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KollegialtUtbyte.Identity.Tests.Support;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// The OpenAPI document is what clients are generated from: every operation says what it answers
/// on success (its body's schema) and which problems it can answer.
/// </summary>
public sealed class OpenApiTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task Every_operation_documents_its_success_body_and_its_problem_responses()
    {
        using var anonymous = fixture.Host.NewClient();
        using var response = await anonymous.GetAsync("/api/identity/openapi.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 10, $"only {operations.Count} operations in the document");
        Assert.Empty(operations.Where(o => !DocumentsSuccessBody(o.Responses)).Select(o => o.Name));
        Assert.Empty(operations.Where(o => !DocumentsProblems(o.Responses)).Select(o => o.Name));
    }

    private static IEnumerable<(string Name, JsonElement Responses)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("responses", out _)
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value.GetProperty("responses"));

    /// <summary>A 2xx with a schema; answers without a body (204, a bodiless 202) need none.</summary>
    private static bool DocumentsSuccessBody(JsonElement responses)
    {
        var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
        return success.Count > 0 && success.Any(r => r.Value.TryGetProperty("content", out var content)
            ? content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _))
            : r.Name is "204" or "202");
    }

    private static bool DocumentsProblems(JsonElement responses) => responses.EnumerateObject().Any(r => r.Name.StartsWith('4'));
}
