using KollegialtUtbyte.Regions.Tests.Api;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Regions.Tests;

/// <summary>
/// The service as deployed: PostgreSQL and RabbitMQ. Another "service" on the broker (an
/// <see cref="EventRecorder"/>) receives what Regions publishes.
/// </summary>
public sealed class DistributedTests : IAsyncLifetime
{
    private TestTokenIssuer _issuer = null!;
    private RabbitMqServer _broker = null!;
    private PostgresServer _postgres = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _broker = await RabbitMqServer.SharedAsync();
        _postgres = await PostgresServer.SharedAsync();
    }

    public async ValueTask DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task A_key_official_added_by_a_project_leader_reaches_a_consumer_over_RabbitMQ()
    {
        await using var recorder = await EventRecorder.StartAsync(_broker, typeof(TeamMemberJoined), typeof(PersonRegistered));
        await using var service = Start(await _postgres.CreateDatabaseAsync("regions"), seeds: false);
        var admin = service.ClientFor(TestUser.Administrator());
        var region = await RegionsApp.ReadAsync<RegionResponse>(
            await admin.PostAsJsonAsync("/api/regions", new { name = "Region Värmland", countyCode = "17" }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);
        var programme = await RegionsApp.ReadAsync<ProgrammeResponse>(
            await admin.PostAsJsonAsync("/api/regions/programmes", new { name = "Vägar till hållbar utveckling", startsOn = "2021-01-01", endsOn = "2022-12-31" },
                RegionsApp.Json, Cancellation), HttpStatusCode.Created);
        await admin.PostAsJsonAsync($"/api/regions/programmes/{programme.Id}/regions", new { regionId = region.Id }, RegionsApp.Json, Cancellation);
        var projectLeader = service.ClientFor(TestUser.ProjectLeader(region.Id));
        var official = await RegionsApp.ReadAsync<PersonResponse>(
            await projectLeader.PostAsJsonAsync(
                "/api/regions/people",
                new { name = "Klara Kvist", email = $"{Guid.NewGuid():N}@regionvarmland.example", regionId = region.Id, preferredLanguage = "en" },
                RegionsApp.Json,
                Cancellation),
            HttpStatusCode.Created);

        var added = await projectLeader.PostAsJsonAsync(
            $"/api/regions/programmes/{programme.Id}/teams/{region.Id}/members", new { personId = official.Id, role = "KeyOfficial" }, RegionsApp.Json, Cancellation);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var joined = await recorder.WaitForAsync<TeamMemberJoined>(e => e.PersonId == official.Id);
        Assert.Equal((programme.Id, region.Id, "Region Värmland", TeamRole.KeyOfficial), (joined.ProgrammeId, joined.RegionId, joined.RegionName, joined.Role));
        Assert.Equal(("Klara Kvist", official.Email, "en"), (joined.Name, joined.Email, joined.PreferredLanguage));
        var registered = await recorder.WaitForAsync<PersonRegistered>(e => e.PersonId == official.Id);
        Assert.Equal(region.Id, registered.RegionId);
    }

    [Fact]
    public async Task The_seed_is_published_over_RabbitMQ_once_and_not_again_after_a_restart()
    {
        var seededPeople = (await SeedPeopleAsync()).ToHashSet();
        await using var recorder = await EventRecorder.StartAsync(_broker, typeof(TeamMemberJoined), typeof(PersonRegistered), typeof(RegionRegistered));
        var database = await _postgres.CreateDatabaseAsync("regions");

        await using (var first = Start(database, seeds: true))
        {
            _ = first.Server;
            await Eventually.UntilAsync(
                () => Task.FromResult(seededPeople.IsSubsetOf(recorder.All<PersonRegistered>().Select(e => e.PersonId))),
                "every seeded person was announced over RabbitMQ");
            await Eventually.UntilAsync(
                () => Task.FromResult(recorder.All<TeamMemberJoined>().Count(e => e.ProgrammeId == SeedTests.DemoProgrammeId && seededPeople.Contains(e.PersonId)) == 37),
                "every seeded team member was announced over RabbitMQ");

            // The dialogue's and the network's events come after the teams'; all of them go before the restart.
            await Eventually.UntilAsync(
                async () =>
                {
                    await using var scope = first.Services.CreateAsyncScope();
                    return !await scope.ServiceProvider.GetRequiredService<RegionsDb>().Set<OutboxMessage>().AnyAsync(m => m.DispatchedAt == null, Cancellation);
                },
                "every seeded event was published");
        }

        await using var restarted = Start(database, seeds: true);
        _ = restarted.Server;
        await using (var scope = restarted.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegionsDb>();
            Assert.Equal(seededPeople.Count, await db.People.CountAsync(Cancellation));
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.DispatchedAt == null, Cancellation), "the restart left nothing to publish");
        }

        // The outbox publishes in order: once a change made after the restart has arrived, any
        // seed event published again at start would have arrived before it.
        var response = await restarted.ClientFor(TestUser.Administrator())
            .PostAsJsonAsync("/api/regions", new { name = "Region Gotland", countyCode = "09" }, RegionsApp.Json, Cancellation);
        var gotland = await RegionsApp.ReadAsync<RegionResponse>(response, HttpStatusCode.Created);
        await recorder.WaitForAsync<RegionRegistered>(e => e.RegionId == gotland.Id);

        Assert.Equal(seededPeople.Count, recorder.All<PersonRegistered>().Count(e => seededPeople.Contains(e.PersonId)));
        Assert.Equal(37, recorder.All<TeamMemberJoined>().Count(e => e.ProgrammeId == SeedTests.DemoProgrammeId && seededPeople.Contains(e.PersonId)));
    }

    private ServiceFactory<Program> Start(string database, bool seeds)
    {
        var settings = DistributedSettings.For("regions", _broker, database);
        settings["Seeds:Enabled"] = seeds ? "true" : "false";
        return new ServiceFactory<Program>("regions", _issuer, settings);
    }

    private static async Task<IEnumerable<Guid>> SeedPeopleAsync()
    {
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "seeds", "regions", "people.json"));
        var people = await System.Text.Json.JsonSerializer.DeserializeAsync<List<SeedPersonId>>(file, RegionsApp.Json, Cancellation);
        return people!.Select(p => p.Id);
    }

    private sealed record SeedPersonId(Guid Id);
}
