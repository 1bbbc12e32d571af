using System.Net.Http.Json;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>Behind a trusted proxy the client is the one the proxy reports, for the services and for the rate limit.</summary>
public sealed class TrustedProxyTests : IAsyncLifetime
{
    private TestTokenIssuer _issuer = null!;
    private TestUpstream _upstream = null!;
    private GatewayFactory _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _upstream = await TestUpstream.StartAsync(app => app.Map("/{**path}", (HttpContext context) => Results.Json(new
        {
            forwardedFor = context.Request.Headers["X-Forwarded-For"].ToString(),
            forwardedProto = context.Request.Headers["X-Forwarded-Proto"].ToString(),
        })));
        _gateway = new GatewayFactory(_issuer, GatewayFactory.Settings(_upstream.Address, new Dictionary<string, string?>
        {
            ["Gateway:TrustedProxies:0"] = "127.0.0.0/8",
            ["Gateway:RateLimits:PerIp:PermitLimit"] = "1",
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task The_services_are_told_the_client_the_proxy_reported()
    {
        using var response = await SendAsViaProxy("198.51.100.7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = await response.Content.ReadFromJsonAsync<Forwarded>(TestContext.Current.CancellationToken);
        Assert.Equal("198.51.100.7", forwarded!.ForwardedFor);
        Assert.Equal("https", forwarded.ForwardedProto);
    }

    [Fact]
    public async Task Each_reported_client_has_its_own_address_budget()
    {
        using var first = await SendAsViaProxy("203.0.113.9");
        using var again = await SendAsViaProxy("203.0.113.9");
        using var another = await SendAsViaProxy("203.0.113.10");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, another.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsViaProxy(string client)
    {
        using var http = _gateway.ClientAs(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private sealed record Forwarded(string ForwardedFor, string ForwardedProto);
}
