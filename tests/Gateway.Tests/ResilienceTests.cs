using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>
/// When a destination fails the gateway answers for it (502, 503, 504 as problem details),
/// retries only what is safe to repeat, and stops calling a destination that keeps failing
/// until it has had time to recover.
/// </summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _arrivals = new();
    private readonly TaskCompletionSource _hangCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TestTokenIssuer _issuer = null!;

    public async ValueTask InitializeAsync() => _issuer = await TestTokenIssuer.StartAsync();

    public async ValueTask DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task A_destination_that_is_down_gets_502_as_problem_details()
    {
        var down = new Uri($"http://127.0.0.1:{LoopbackPorts.Reserve()}");
        await using var gateway = new GatewayFactory(_issuer, GatewayFactory.Settings(down));
        using var client = gateway.ClientAs(TestUser.Administrator());

        using var response = await client.GetAsync("/api/regions/anything", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal(502, problem.Status);
        Assert.Contains("regions", problem.Detail);
    }

    [Fact]
    public async Task A_destination_that_does_not_answer_in_time_gets_504_and_the_call_is_abandoned()
    {
        await using var upstream = await StartUpstreamAsync();
        await using var gateway = new GatewayFactory(_issuer, GatewayFactory.Settings(upstream.Address, new Dictionary<string, string?>
        {
            ["Gateway:Destinations:regions:Resilience:Timeout"] = "00:00:01",
            ["Gateway:Resilience:MaxRetries"] = "0",
        }));
        using var client = gateway.ClientAs(TestUser.Administrator());

        using var response = await client.GetAsync("/api/regions/hang", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(504, (await ProblemOf(response)).Status);
        await _hangCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    public static TheoryData<string, bool, HttpStatusCode, int> RetryCases => new()
    {
        // Idempotent and nothing sent yet: repeated, and the second attempt succeeds.
        { "GET", false, HttpStatusCode.OK, 2 },
        { "DELETE", false, HttpStatusCode.OK, 2 },
        { "PUT", false, HttpStatusCode.OK, 2 },

        // Not idempotent, or a body already on its way: the destination's answer stands.
        { "POST", false, HttpStatusCode.ServiceUnavailable, 1 },
        { "PATCH", true, HttpStatusCode.ServiceUnavailable, 1 },
        { "PUT", true, HttpStatusCode.ServiceUnavailable, 1 },
    };

    [Theory]
    [MemberData(nameof(RetryCases))]
    public async Task Only_idempotent_requests_are_retried(string method, bool withBody, HttpStatusCode expected, int attempts)
    {
        await using var upstream = await StartUpstreamAsync();
        await using var gateway = new GatewayFactory(_issuer, GatewayFactory.Settings(upstream.Address, new Dictionary<string, string?>
        {
            ["Gateway:Resilience:MaxRetries"] = "2",
            ["Gateway:Resilience:RetryDelay"] = "00:00:00.010",
        }));
        using var client = gateway.ClientAs(TestUser.Administrator());
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/regions/fails-once");
        if (withBody)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(attempts, _arrivals.GetValueOrDefault("/api/regions/fails-once"));
    }

    [Fact]
    public async Task The_circuit_opens_while_a_destination_is_down_and_closes_when_it_is_back()
    {
        var clock = new FakeTimeProvider();
        var port = LoopbackPorts.Reserve();
        await using var gateway = new GatewayFactory(_issuer, GatewayFactory.Settings(new Uri($"http://127.0.0.1:{port}"), new Dictionary<string, string?>
        {
            ["Gateway:Resilience:MaxRetries"] = "0",
            ["Gateway:Resilience:MinimumThroughput"] = "3",
            ["Gateway:Resilience:FailureRatio"] = "0.5",
            ["Gateway:Resilience:BreakDuration"] = "00:00:30",
        }), clock);
        using var client = gateway.ClientAs(TestUser.Administrator());
        var ct = TestContext.Current.CancellationToken;

        // Down: each call fails on its own until enough have failed to open the circuit.
        await client.GetEachAnsweredAsync("/api/regions/ok", 3, HttpStatusCode.BadGateway);

        // Back, but the circuit is open: the gateway answers 503 without calling it.
        await using var upstream = await StartUpstreamAsync(port);
        using (var rejected = await client.GetAsync("/api/regions/ok", ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), rejected.Headers.RetryAfter?.Delta);
            Assert.Equal(503, (await ProblemOf(rejected)).Status);
        }

        Assert.Equal(0, _arrivals.GetValueOrDefault("/api/regions/ok"));

        // After the break one request probes the destination; it answers, so the circuit closes.
        clock.Advance(TimeSpan.FromSeconds(30));
        using (var probe = await client.GetAsync("/api/regions/ok", ct))
        {
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        }

        using (var after = await client.GetAsync("/api/regions/ok", ct))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        Assert.Equal(2, _arrivals.GetValueOrDefault("/api/regions/ok"));
    }

    [Fact]
    public async Task Each_destination_has_its_own_circuit()
    {
        var clock = new FakeTimeProvider();
        await using var upstream = await StartUpstreamAsync();
        var down = new Uri($"http://127.0.0.1:{LoopbackPorts.Reserve()}");
        await using var gateway = new GatewayFactory(_issuer, GatewayFactory.Settings(upstream.Address, new Dictionary<string, string?>
        {
            ["Gateway:Destinations:meetings:Address"] = down.ToString(),
            ["Gateway:Resilience:MaxRetries"] = "0",
            ["Gateway:Resilience:MinimumThroughput"] = "2",
        }), clock);
        using var client = gateway.ClientAs(TestUser.Administrator());
        var ct = TestContext.Current.CancellationToken;

        await client.GetEachAnsweredAsync("/api/meetings/ok", 2, HttpStatusCode.BadGateway);

        using var meetings = await client.GetAsync("/api/meetings/ok", ct);
        using var regions = await client.GetAsync("/api/regions/ok", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, meetings.StatusCode);
        Assert.Equal(HttpStatusCode.OK, regions.StatusCode);
    }

    [Fact]
    public async Task Resilience_settings_Polly_cannot_use_stop_the_gateway_at_start()
    {
        await using var gateway = new GatewayFactory(_issuer, GatewayFactory.Settings(new Uri("http://127.0.0.1:1"), new Dictionary<string, string?>
        {
            ["Gateway:Destinations:feedback:Resilience:MinimumThroughput"] = "1",
        }));

        var error = Assert.ThrowsAny<Exception>(() => gateway.StartServer());

        Assert.Contains("MinimumThroughput", error.ToString());
    }

    private Task<TestUpstream> StartUpstreamAsync(int port = 0) => TestUpstream.StartAsync(app =>
    {
        app.Use((context, next) =>
        {
            _arrivals.AddOrUpdate(context.Request.Path.Value!, 1, (_, count) => count + 1);
            return next(context);
        });
        app.Map("/api/regions/ok", () => Results.Ok());
        app.Map("/api/regions/fails-once", async (HttpContext context) =>
        {
            // Read the body so that a refused retry is not explained by an unread one.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            return _arrivals["/api/regions/fails-once"] == 1 ? Results.StatusCode(503) : Results.Ok();
        });
        app.MapGet("/api/regions/hang", async (HttpContext context) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                _hangCancelled.TrySetResult();
            }
        });
    }, port);

    private static async Task<ProblemDetails> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken))!;
    }
}
