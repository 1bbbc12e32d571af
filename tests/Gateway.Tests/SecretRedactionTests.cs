using KollegialtUtbyte.ServiceDefaults;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>
/// A calendar feed's address and the token of a mailed link are secrets: neither the gateway nor a
/// service writes them into a log line or a span, whichever part of the stack logs the URL.
/// </summary>
public sealed class SecretRedactionTests : IAsyncLifetime
{
    private const string FeedSecret = "feedsecret4711abcdef";
    private const string LinkSecret = "linksecret0815uvwxyz";

    private readonly CapturedLogs _gatewayLogs = new();
    private readonly CapturedLogs _serviceLogs = new();
    private readonly string _traceFile = Path.Combine(Directory.CreateTempSubdirectory("ku-redaction-").FullName, "spans.jsonl");
    private TestTokenIssuer _issuer = null!;
    private WebApplication _service = null!;
    private GatewayFactory _gateway = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = _issuer.Issuer,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Telemetry:TraceFile"] = _traceFile,
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_serviceLogs);
        builder.WebHost.ListenOnLoopback();
        builder.AddServiceDefaults("meetings-stand-in");
        _service = builder.Build();
        _service.MapDefaultEndpoints();
        _service.MapGet("/api/meetings/calendar/feeds/{token}.ics", string (string token) => throw new InvalidOperationException("The feed could not be written.")).AllowAnonymous();
        _service.MapGet("/api/meetings/invitations/answer", (string? token, string? answer) => Results.Ok()).AllowAnonymous();
        await _service.StartAsync(Cancel);
        var serviceAddress = _service.Services.ServerAddress();

        _gateway = new GatewayFactory(_issuer, GatewayFactory.Settings(serviceAddress, new Dictionary<string, string?>
        {
            ["Telemetry:TraceFile"] = _traceFile,
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Gateway:Resilience:MaxRetries"] = "0",
            ["Gateway:Destinations:feedback:Address"] = $"http://127.0.0.1:{LoopbackPorts.Reserve()}",
        }), services: services => services.AddSingleton<ILoggerProvider>(_gatewayLogs));
        _gateway.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _service.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Secrets_in_paths_and_queries_reach_no_log_line_and_no_span()
    {
        using var anonymous = _gateway.ClientAs(null);
        var feed = await anonymous.GetAsync($"/api/meetings/calendar/feeds/{FeedSecret}.ics", Cancel);
        var answer = await anonymous.GetAsync($"/api/meetings/invitations/answer?answer=accepted&token={LinkSecret}", Cancel);
        using var signedIn = _gateway.ClientAs(TestUser.Administrator());
        var unreachable = await signedIn.GetAsync($"/api/feedback/documents?code={LinkSecret}", Cancel);

        // A client from the HTTP client factory, as the portal calls the gateway.
        var factoryClient = _service.Services.GetRequiredService<IHttpClientFactory>().CreateClient("portal-like");
        var viaFactory = await factoryClient.GetAsync(new Uri(_gateway.Address, $"/api/meetings/invitations/answer?token={LinkSecret}"), Cancel);

        Assert.Equal(
            (HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.BadGateway, HttpStatusCode.OK),
            (feed.StatusCode, answer.StatusCode, unreachable.StatusCode, viaFactory.StatusCode));
        await Eventually.UntilAsync(
            () => Task.FromResult(_serviceLogs.Entries.Any(e => e.Contains("Unhandled exception for GET /api/meetings/calendar/feeds/", StringComparison.Ordinal))
                && _serviceLogs.Entries.Any(e => e.Contains(" System.Net.Http.HttpClient", StringComparison.Ordinal))
                && _gatewayLogs.Entries.Any(e => e.Contains("failed on GET /api/feedback/documents", StringComparison.Ordinal))),
            "the service, its HTTP client and the gateway logged the requests");
        var spans = await Eventually.UntilAsync(
            () => Task.FromResult(File.Exists(_traceFile) ? ReadShared(_traceFile) : ""),
            text => text.Contains("\"url.path\":\"/api/meetings/calendar/feeds/", StringComparison.Ordinal)
                && text.Contains("\"service\":\"gateway\"", StringComparison.Ordinal)
                && text.Contains("\"service\":\"meetings-stand-in\"", StringComparison.Ordinal),
            "the gateway's and the service's spans were written");

        foreach (var secret in new[] { FeedSecret, LinkSecret })
        {
            Assert.DoesNotContain(_gatewayLogs.Entries, e => e.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_serviceLogs.Entries, e => e.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, spans, StringComparison.Ordinal);
        }

        Assert.Contains(_serviceLogs.Entries, e => e.Contains("Unhandled exception for GET /api/meetings/calendar/feeds/***", StringComparison.Ordinal));
        Assert.Contains(_gatewayLogs.Entries, e => e.Contains("failed on GET /api/feedback/documents?code=***", StringComparison.Ordinal));
        Assert.Contains("\"url.path\":\"/api/meetings/calendar/feeds/***\"", spans, StringComparison.Ordinal);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
