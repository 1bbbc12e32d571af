using System.Net.Sockets;
using KollegialtUtbyte.ServiceDefaults;
using KollegialtUtbyte.ServiceDefaults.OpenApi;
using KollegialtUtbyte.ServiceDefaults.Security;

namespace KollegialtUtbyte.Gateway.Tests.Support;

/// <summary>A service behind the gateway in the test: a real Kestrel server on a loopback port.</summary>
public sealed class TestUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestUpstream(WebApplication app)
    {
        _app = app;
        Address = app.Services.ServerAddress();
    }

    public Uri Address { get; }

    /// <summary>A bare server (no authentication): for forwarding fidelity, where the gateway is what is under test.</summary>
    public static Task<TestUpstream> StartAsync(Action<WebApplication> map, int port = 0) =>
        StartAsync(WebApplication.CreateSlimBuilder(), port, _ => { }, map);

    /// <summary>
    /// A server shaped like the suite's services: <c>AddServiceDefaults</c> validating tokens from
    /// <paramref name="issuer"/>, and an OpenAPI document per name in <paramref name="openApiModules"/>.
    /// </summary>
    public static Task<TestUpstream> StartServiceAsync(TestTokenIssuer issuer, Action<WebApplication> map, params string[] openApiModules)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = issuer.Issuer,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        return StartAsync(builder, 0, b =>
        {
            b.AddServiceDefaults("stand-in");

            // Like a module, the stand-in accepts tokens for the APIs it serves and no others.
            b.AcceptAccessTokensFor(openApiModules);
            foreach (var module in openApiModules)
            {
                b.AddServiceOpenApi(module);
            }
        }, app =>
        {
            app.MapDefaultEndpoints();
            map(app);
        });
    }

    private static async Task<TestUpstream> StartAsync(WebApplicationBuilder builder, int port, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        builder.Logging.ClearProviders();
        builder.WebHost.ListenOnLoopback(port);
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new TestUpstream(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
