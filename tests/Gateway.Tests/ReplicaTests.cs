using System.Collections.Concurrent;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>A destination may be several replicas: requests are spread over them and one that reports itself unready is left out.</summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _arrivals = new();
    private TestTokenIssuer _issuer = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _issuer = await TestTokenIssuer.StartAsync();

    public async ValueTask DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task Requests_are_spread_over_the_replicas_of_a_destination()
    {
        await using var first = await StartReplicaAsync("first", ready: true);
        await using var second = await StartReplicaAsync("second", ready: true);
        await using var gateway = GatewayOver(first, second);
        using var client = gateway.ClientAs(TestUser.Administrator());

        await client.GetEachAnsweredAsync("/api/regions/who", 40, HttpStatusCode.OK);

        Assert.True(_arrivals.GetValueOrDefault("first") > 0 && _arrivals.GetValueOrDefault("second") > 0, $"first {_arrivals.GetValueOrDefault("first")}, second {_arrivals.GetValueOrDefault("second")}");
    }

    [Fact]
    public async Task A_replica_failing_its_health_check_gets_no_requests()
    {
        await using var healthy = await StartReplicaAsync("healthy", ready: true);
        await using var unready = await StartReplicaAsync("unready", ready: false);
        await using var gateway = GatewayOver(healthy, unready);
        using var client = gateway.ClientAs(TestUser.Administrator());

        // Probes run every 200 ms; once two have failed in a row the replica is out.
        await Eventually.UntilAsync(async () =>
        {
            var before = _arrivals.GetValueOrDefault("unready");
            await client.GetEachAnsweredAsync("/api/regions/who", 20, HttpStatusCode.OK);

            return _arrivals.GetValueOrDefault("unready") == before;
        }, "the unready replica was left out");
    }

    private GatewayFactory GatewayOver(TestUpstream first, TestUpstream second) =>
        new(_issuer, GatewayFactory.Settings(first.Address, new Dictionary<string, string?>
        {
            ["Gateway:Destinations:regions:Addresses:0"] = second.Address.ToString(),
            ["Gateway:Destinations:regions:HealthCheck:Interval"] = "00:00:00.200",
        }));

    private Task<TestUpstream> StartReplicaAsync(string name, bool ready) => TestUpstream.StartAsync(app =>
    {
        app.MapGet("/health/ready", () => ready ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/api/regions/who", () =>
        {
            _arrivals.AddOrUpdate(name, 1, (_, count) => count + 1);
            return Results.Text(name);
        });
    });
}
