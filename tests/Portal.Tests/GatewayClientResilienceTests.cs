using System.Collections.Concurrent;
using KollegialtUtbyte.Regions.ApiContracts;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KollegialtUtbyte.Portal.Tests;

/// <summary>
/// The portal's calls to the gateway (the services' typed clients) ride out a transient failure when
/// repeating them is safe, and never repeat a change, whose first attempt may already have taken effect.
/// </summary>
public sealed class GatewayClientResilienceTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private WebApplication _gateway = null!;
    private TestTokenIssuer _issuer = null!;
    private WebApplicationFactory<PortalApplication> _portal = null!;

    public async ValueTask InitializeAsync()
    {
        // A gateway that is briefly unavailable: the first call to each path gets a 503.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ListenOnLoopback();
        _gateway = builder.Build();
        _gateway.Run(async context =>
        {
            var attempt = _attempts.AddOrUpdate(context.Request.Method + " " + context.Request.Path, 1, (_, n) => n + 1);
            context.Response.StatusCode = attempt == 1 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"name\":\"Halland\"}");
        });
        await _gateway.StartAsync(TestContext.Current.CancellationToken);
        var gatewayAddress = _gateway.Services.ServerAddress();

        _issuer = await TestTokenIssuer.StartAsync();
        _portal = new WebApplicationFactory<PortalApplication>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Auth:Authority", _issuer.Issuer);
            b.UseSetting("Auth:RequireHttpsMetadata", "false");
            b.UseSetting("Portal:GatewayUrl", gatewayAddress.ToString());
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _issuer.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    private static readonly Guid Halland = Guid.Parse("5f0c8a43-6a8e-4c1b-9d2f-2a7b3c4d5e61");

    [Fact]
    public async Task A_read_that_meets_a_transient_failure_is_repeated_and_succeeds()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var regions = scope.ServiceProvider.GetRequiredService<RegionsApi>();

        var result = await regions.RegionAsync(Halland, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal("Halland", result.Value!.Name);
        Assert.Equal(2, _attempts["GET " + RegionsRoutes.PathOf(RegionsRoutes.Region, Halland)]);
    }

    [Fact]
    public async Task A_change_that_meets_a_transient_failure_is_sent_once_and_reported_unavailable()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var regions = scope.ServiceProvider.GetRequiredService<RegionsApi>();

        var created = await regions.RegisterRegionAsync(new RegisterRegionRequest("Halland", "13"), TestContext.Current.CancellationToken);
        var replaced = await regions.UpdateRegionAsync(Halland, new UpdateRegionRequest("Halland", "13", 1), TestContext.Current.CancellationToken);

        Assert.Equal(503, created.Problem?.Status);
        Assert.Equal(503, replaced.Problem?.Status);
        Assert.Equal(1, _attempts["POST " + RegionsRoutes.PathOf(RegionsRoutes.RegionList)]);
        Assert.Equal(1, _attempts["PUT " + RegionsRoutes.PathOf(RegionsRoutes.Region, Halland)]);
    }
}
