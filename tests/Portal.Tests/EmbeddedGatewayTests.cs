using System.Net;
using KollegialtUtbyte.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KollegialtUtbyte.Portal.Tests;

/// <summary>The embedded host mounts the gateway module: its rate limits and its token check for <c>/api</c> hold there too.</summary>
public sealed class EmbeddedGatewayTests : IAsyncLifetime
{
    private const string Authority = "http://localhost";
    private WebApplicationFactory<EmbeddedApplication> _host = null!;
    private string _dataDirectory = null!;

    public ValueTask InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("ku-embedded-gateway-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = _dataDirectory,
            ["Auth:Authority"] = Authority,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Identity:Issuer"] = Authority,
            ["Portal:GatewayUrl"] = Authority,
            ["Meetings:PublicBaseUrl"] = Authority,
            ["Notifications:PublicBaseUrl"] = Authority,
            ["Notifications:Delivery:PickupDirectory"] = Path.Combine(_dataDirectory, "mail"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Gateway:RateLimits:PerIp:PermitLimit"] = "3",
            ["Gateway:RateLimits:PerIp:Window"] = "01:00:00",
        };
        _host = new WebApplicationFactory<EmbeddedApplication>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Under_the_api_an_unknown_path_asks_an_anonymous_caller_for_a_token()
    {
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/api/finns-inte", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_address_budget_gets_429_with_Retry_After()
    {
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
