using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>Each user and each client address gets a budget of requests per window; beyond it, 429 with Retry-After.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private TestTokenIssuer _issuer = null!;
    private TestUpstream _upstream = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _upstream = await TestUpstream.StartAsync(app => app.Map("/{**path}", () => Results.Ok()));
    }

    public async ValueTask DisposeAsync()
    {
        await _upstream.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_user_over_their_budget_gets_429_while_another_user_from_the_same_address_goes_on()
    {
        await using var gateway = Gateway(perUser: 2, perIp: 1000);
        using var first = gateway.ClientAs(TestUser.TeamMember(Personas.RegionA));
        using var second = gateway.ClientAs(TestUser.TeamMember(Personas.RegionA));
        var ct = TestContext.Current.CancellationToken;

        await first.GetEachAnsweredAsync("/api/regions/teams", 2, HttpStatusCode.OK);

        using var refused = await first.GetAsync("/api/regions/teams", ct);
        using var other = await second.GetAsync("/api/regions/teams", ct);

        await AssertTooManyRequestsAsync(refused);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task An_address_over_its_budget_gets_429_signed_in_or_not_but_health_probes_still_pass()
    {
        await using var gateway = Gateway(perUser: 1000, perIp: 3);
        using var anonymous = gateway.ClientAs(null);
        using var signedIn = gateway.ClientAs(TestUser.Administrator());
        var ct = TestContext.Current.CancellationToken;

        await anonymous.GetEachAnsweredAsync("/", 3, HttpStatusCode.OK);

        using var refused = await anonymous.GetAsync("/", ct);
        using var refusedToo = await signedIn.GetAsync("/api/regions/teams", ct);
        using var health = await anonymous.GetAsync("/health/live", ct);

        await AssertTooManyRequestsAsync(refused);
        await AssertTooManyRequestsAsync(refusedToo);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task An_exempt_network_is_limited_per_user_only()
    {
        await using var gateway = Gateway(perUser: 1000, perIp: 1, ("Gateway:RateLimits:ExemptNetworks:0", "127.0.0.0/8"));
        using var anonymous = gateway.ClientAs(null);

        await anonymous.GetEachAnsweredAsync("/", 3, HttpStatusCode.OK);
    }

    private GatewayFactory Gateway(int perUser, int perIp, params (string Key, string Value)[] more)
    {
        var settings = GatewayFactory.Settings(_upstream.Address, new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:PerUser:PermitLimit"] = perUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RateLimits:PerIp:PermitLimit"] = perIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return new GatewayFactory(_issuer, settings);
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Equal(429, problem!.Status);
    }
}
