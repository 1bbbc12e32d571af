using System.Net;
using KollegialtUtbyte.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>A database that cannot be reached is a passing condition: 503 problem details with Retry-After, not a 500.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private TestTokenIssuer _issuer = null!;
    private WebApplication _app = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Auth:Authority"] = _issuer.Issuer;
        builder.Configuration["Auth:RequireHttpsMetadata"] = "false";
        builder.AddServiceDefaults("outage-test");

        // A PostgreSQL server that is down: nothing listens on the port.
        builder.Services.AddDbContext<SenderDb>(options =>
            DatabaseProviderSelection.Configure(options, DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Username=postgres;Database=down;Timeout=2"));

        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGet("/parcels", async (SenderDb db) => TypedResults.Ok(await db.Parcels.CountAsync())).AllowAnonymous();
        _app.MapPost("/parcels", async (SenderDb db) =>
        {
            await db.SendAsync("during the outage");
            return TypedResults.NoContent();
        }).AllowAnonymous();
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_request_while_the_database_is_down_gets_503_problem_details_with_retry_after(string method)
    {
        var client = _app.GetTestClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/parcels"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells the client when to try again");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"status\":503", body, StringComparison.Ordinal);
    }
}
