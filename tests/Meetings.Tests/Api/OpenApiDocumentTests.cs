using System.Text.Json;
using KollegialtUtbyte.Meetings.Tests.Support;

namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>
/// Clients are generated from the OpenAPI document, so every operation must say what it answers:
/// its success body and the problems it can return.
/// </summary>
public sealed class OpenApiDocumentTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    [Fact]
    public async Task Every_operation_documents_its_success_body_and_its_problem_responses()
    {
        using var response = await fixture.App.ClientFor(null).GetAsync("/api/meetings/openapi.json", TestContext.Current.CancellationToken);
        var document = await response.ReadAsync<JsonElement>();

        var gaps = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var responses = operation.Value.GetProperty("responses").EnumerateObject().ToList();
                var success = responses.Where(r => r.Name.StartsWith('2') || r.Name.StartsWith('3')).ToList();
                if (!success.Any(DescribesItsBody))
                {
                    gaps.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: no documented success response ({string.Join(", ", responses.Select(r => r.Name))})");
                }

                if (!responses.Any(r => r.Name.StartsWith('4')))
                {
                    gaps.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: no documented 4xx response");
                }
            }
        }

        Assert.True(operations > 40, $"only {operations} operations in the document");
        Assert.True(gaps.Count == 0, string.Join(Environment.NewLine, gaps));
    }

    /// <summary>A JSON body needs a schema; no content (204), a redirect or a file needs none.</summary>
    private static bool DescribesItsBody(JsonProperty response)
    {
        if (response.Name == "204" || response.Name.StartsWith('3'))
        {
            return true;
        }

        if (!response.Value.TryGetProperty("content", out var content))
        {
            return false;
        }

        return content.EnumerateObject().Any(media =>
            !media.Name.Contains("json", StringComparison.OrdinalIgnoreCase)
            || (media.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any()));
    }
}
