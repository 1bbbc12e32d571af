using System.Diagnostics;
using System.Net.Http.Headers;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>What passes through the gateway arrives as it was sent: methods, paths, headers, status codes.</summary>
public sealed class ForwardingFidelityTests(EchoBehindGateway echo) : IClassFixture<EchoBehindGateway>
{
    public static TheoryData<string, bool> Methods => new()
    {
        { "GET", false },
        { "DELETE", false },
        { "OPTIONS", false },
        { "POST", true },
        { "PUT", true },
        { "PATCH", true },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Each_method_arrives_with_its_path_query_and_body(string method, bool withBody)
    {
        using var client = echo.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/regions/echo/m%C3%B6te/7?tema=H%C3%A5llbar%20styrning&sida=2");
        if (withBody)
        {
            request.Content = new StringContent("{\"namn\":\"Värmland\"}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await Echo.ReadAsync(response);
        Assert.Equal(method, received.Method);
        Assert.Equal("/api/regions/echo/möte/7", received.Path);
        Assert.Equal("?tema=H%C3%A5llbar%20styrning&sida=2", received.Query);
        Assert.Equal(withBody ? 20 : 0, received.BodyLength);
        if (withBody)
        {
            Assert.Equal("application/json; charset=utf-8", received.Header("Content-Type"));
        }
    }

    [Fact]
    public async Task A_HEAD_request_gets_the_headers_and_no_body()
    {
        using var client = echo.Client();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/regions/echo/head"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HEAD", response.Headers.GetValues("X-Echo-Method").Single());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(204)]
    [InlineData(301)]
    [InlineData(304)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task The_destinations_status_and_body_come_back_unchanged(int status)
    {
        using var client = echo.Client();

        using var response = await client.GetAsync($"/api/regions/status/{status}", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(status is 204 or 304 ? "" : $"upstream says {status}", body);
        if (status == 301)
        {
            // Redirects are the client's to follow, not the gateway's.
            Assert.Equal("/api/regions/elsewhere", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task End_to_end_headers_pass_and_hop_by_hop_headers_stop_at_the_gateway()
    {
        using var client = echo.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions/echo/headers");
        request.Headers.Add("X-Custom", "kept");
        request.Headers.Add("Accept-Language", "sv-SE");
        request.Headers.Connection.Add("X-Hop");
        request.Headers.Add("X-Hop", "for the gateway only");
        request.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");
        request.Headers.TryAddWithoutValidation("Proxy-Authorization", "Basic c2VjcmV0");

        // What a client says about itself is not believed: the gateway sets these.
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var received = await Echo.ReadAsync(response);

        Assert.Equal("kept", received.Header("X-Custom"));
        Assert.Equal("sv-SE", received.Header("Accept-Language"));
        Assert.StartsWith("Bearer ", received.Header("Authorization"));
        Assert.Null(received.Header("X-Hop"));
        Assert.Null(received.Header("Keep-Alive"));
        Assert.Null(received.Header("Proxy-Authorization"));
        Assert.Equal(echo.Upstream.Address.Authority, received.Header("Host"));
        Assert.Equal("127.0.0.1", received.Header("X-Forwarded-For"));
        Assert.Equal("http", received.Header("X-Forwarded-Proto"));
        Assert.Equal(echo.Gateway.Address.Authority, received.Header("X-Forwarded-Host"));
    }

    [Fact]
    public async Task Response_headers_come_back_without_the_hop_by_hop_ones()
    {
        using var client = echo.Client();

        using var response = await client.GetAsync("/api/regions/response-headers", TestContext.Current.CancellationToken);

        Assert.Equal("yes", response.Headers.GetValues("X-Upstream").Single());
        Assert.Equal(["first=1; Path=/", "second=2; Path=/"], response.Headers.GetValues("Set-Cookie"));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("X-Private"));
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task The_callers_trace_continues_through_the_gateway_to_the_destination()
    {
        using var client = echo.Client();
        var callerTrace = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();

        // The caller is itself traced, so its HTTP client writes traceparent from the caller's
        // context (in this process the hosts' telemetry instruments the test's client too, and
        // would replace a hand-written header with a trace of its own).
        using var caller = new Activity("caller").SetParentId(callerTrace, callerSpan, ActivityTraceFlags.Recorded).Start();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions/echo/trace");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var received = await Echo.ReadAsync(response);

        var traceparent = received.Header("traceparent")?.Split('-');
        Assert.NotNull(traceparent);
        Assert.Equal(callerTrace.ToString(), traceparent[1]);

        // The parent is the gateway's own span, itself a child of the caller's.
        Assert.NotEqual(callerSpan.ToString(), traceparent[2]);
        Assert.NotEqual(caller.SpanId.ToString(), traceparent[2]);
    }

    [Fact]
    public async Task Outside_the_api_an_anonymous_request_reaches_the_portal_with_its_cookies_and_form()
    {
        using var client = echo.Gateway.ClientAs(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/logga-in?returnUrl=%2Fmoten");
        request.Headers.Add("Cookie", "session=abc; lang=sv");
        request.Content = new FormUrlEncodedContent([new("epost", "pia@example.test")]);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await Echo.ReadAsync(response);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/konto/logga-in", received.Path);
        Assert.Equal("?returnUrl=%2Fmoten", received.Query);
        Assert.Equal("session=abc; lang=sv", received.Header("Cookie"));
        Assert.Equal("application/x-www-form-urlencoded", received.Header("Content-Type"));
        Assert.Equal("epost=pia%40example.test".Length, received.BodyLength);
    }

    [Fact]
    public async Task Under_the_api_an_anonymous_request_stops_at_the_gateway()
    {
        using var client = echo.Gateway.ClientAs(null);

        using var response = await client.GetAsync("/api/regions/echo/anonymous", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, echo.ArrivalsAt("/api/regions/echo/anonymous"));
    }
}
