using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KollegialtUtbyte.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KollegialtUtbyte.Architecture.Tests;

/// <summary>
/// The OpenAPI documents committed under docs/openapi are the ones the code serves: a change to an
/// endpoint shows up as a change of its document in review, and integrators can read the contract
/// without running the suite.
/// </summary>
public sealed class OpenApiDocumentTests(ServedOpenApiDocuments served) : IClassFixture<ServedOpenApiDocuments>
{
    /// <summary>Set to 1 to write the served documents to docs/openapi instead of comparing them.</summary>
    public const string RefreshVariable = "KU_REFRESH_OPENAPI";

    public const string RefreshCommand = $"{RefreshVariable}=1 dotnet test tests/Architecture.Tests --filter FullyQualifiedName~OpenApiDocumentTests";

    public static TheoryData<string> Documents => new("feedback", "identity", "meetings", "notifications", "regions");

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_committed_document_is_the_one_the_service_serves(string name)
    {
        var produced = await served.ReadAsync(name);
        var path = Path.Combine(RepositoryFiles.Root, "docs", "openapi", $"{name}.json");

        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, produced, TestContext.Current.CancellationToken);
            return;
        }

        Assert.True(File.Exists(path), $"docs/openapi/{name}.json is missing. Write it with:\n  {RefreshCommand}");
        var committed = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        if (committed != produced)
        {
            Assert.Fail($"docs/openapi/{name}.json differs from the document the code serves at /api/{name}/openapi.json "
                + $"(first difference at line {FirstDifferentLine(committed, produced)}). Refresh the documents with:\n  {RefreshCommand}\nand commit them.");
        }
    }

    [Fact]
    public async Task The_documents_carry_no_server_address_and_only_their_own_paths()
    {
        foreach (var name in new[] { "feedback", "identity", "meetings", "notifications", "regions" })
        {
            var document = JsonNode.Parse(await served.ReadAsync(name))!.AsObject();

            Assert.False(document.ContainsKey("servers"), $"{name}: a server address would differ between the gateway, a service and a test.");
            var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
            Assert.NotEmpty(paths);
            Assert.All(paths, p => Assert.True(p == $"/api/{name}" || p.StartsWith($"/api/{name}/", StringComparison.Ordinal), $"{name}: {p} is another service's path."));
        }
    }

    /// <summary>
    /// Integrators and the portal's clients read the documents, so every operation says what it
    /// answers: its success body's schema (none for 204, a bodiless 202 or a redirect; a file is
    /// described by its media type) and at least one problem response.
    /// </summary>
    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_operation_documents_its_success_body_and_its_problem_responses(string name)
    {
        var document = JsonNode.Parse(await served.ReadAsync(name))!.AsObject();

        var gaps = new List<string>();
        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Value?["responses"] is not null))
            {
                operations++;
                var responses = operation!["responses"]!.AsObject();
                if (!responses.Any(r => (r.Key.StartsWith('2') || r.Key.StartsWith('3')) && DescribesItsBody(r.Key, r.Value!.AsObject())))
                {
                    gaps.Add($"{method.ToUpperInvariant()} {path}: no documented success body ({string.Join(", ", responses.Select(r => r.Key))})");
                }

                if (!responses.Any(r => r.Key.StartsWith('4')))
                {
                    gaps.Add($"{method.ToUpperInvariant()} {path}: no documented 4xx response");
                }
            }
        }

        Assert.True(operations > 0, $"{name}: no operations in the document");
        Assert.True(gaps.Count == 0, string.Join(Environment.NewLine, gaps));
    }

    private static bool DescribesItsBody(string status, JsonObject response)
    {
        if (response["content"] is not JsonObject content)
        {
            return status is "204" or "202" || status.StartsWith('3');
        }

        return content.Any(media => !media.Key.Contains("json", StringComparison.OrdinalIgnoreCase)
            || media.Value?["schema"] is JsonObject { Count: > 0 });
    }

    private static int FirstDifferentLine(string committed, string produced)
    {
        var a = committed.Split('\n');
        var b = produced.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }

        return line + 1;
    }
}

/// <summary>
/// The embedded host (every service module in one process, no demo data) serving each module's
/// document at <c>/api/{name}/openapi.json</c>, the same endpoint the distributed services serve.
/// </summary>
public sealed class ServedOpenApiDocuments : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Dictionary<string, string> _documents = [];
    private WebApplicationFactory<EmbeddedApplication> _host = null!;
    private string _dataDirectory = null!;

    public ValueTask InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("ku-openapi-").FullName;
        _host = new WebApplicationFactory<EmbeddedApplication>().WithWebHostBuilder(b =>
        {
            // The endpoints are the same in every environment; Development needs no production secrets.
            b.UseEnvironment("Development");
            b.UseSetting("Database:DataDirectory", _dataDirectory);
            b.UseSetting("Seeds:Enabled", "false");
            b.UseSetting("Auth:RequireHttpsMetadata", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>The document as committed: indented, paths and schemas in ordinal order, one newline at the end.</summary>
    public async Task<string> ReadAsync(string name)
    {
        if (_documents.TryGetValue(name, out var cached))
        {
            return cached;
        }

        using var client = _host.CreateClient();
        using var response = await client.GetAsync($"/api/{name}/openapi.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

        SortByKey(document, "paths");
        if (document["components"] is JsonObject components)
        {
            foreach (var section in components.Select(c => c.Key).ToList())
            {
                SortByKey(components, section);
            }

            SortByKey(document, "components");
        }

        var text = new StringBuilder(document.ToJsonString(Written).ReplaceLineEndings("\n")).Append('\n').ToString();
        _documents[name] = text;
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temporary folder is left for the system to clean.
        }
    }

    /// <summary>Maps whose order carries no meaning are written in ordinal key order, so the committed text only changes with the contract.</summary>
    private static void SortByKey(JsonObject parent, string key)
    {
        if (parent[key] is not JsonObject map)
        {
            return;
        }

        var entries = map.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        map.Clear();
        foreach (var (name, value) in entries)
        {
            map[name] = value;
        }
    }
}
