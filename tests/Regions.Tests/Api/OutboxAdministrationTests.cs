using System.Net.Http.Json;
using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>
/// An event that cannot be published is parked after its attempts; readiness turns Degraded, and
/// administrators list it and, once its cause is repaired, re-queue it through the service's API.
/// </summary>
public sealed class OutboxAdministrationTests : IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private TestTokenIssuer _issuer = null!;
    private ServiceFactory<Program> _service = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _service = new ServiceFactory<Program>("regions", _issuer, new Dictionary<string, string?>
        {
            ["Seeds:Enabled"] = "false",
            ["Outbox:MaxAttempts"] = "2",
            ["Outbox:RetryDelay"] = "00:00:00.050",
            ["Outbox:MaxRetryDelay"] = "00:00:00.200",
        });
        _ = _service.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_parked_event_is_listed_to_administrators_and_goes_out_when_requeued_after_repair()
    {
        var regionId = Guid.NewGuid();
        var body = JsonSerializer.Serialize(new RegionRegistered(regionId, "Region Saknad", "99", DateTimeOffset.UtcNow), OutboxJson.Options);
        var sequenceNumber = await AddOutboxRowAsync("KollegialtUtbyte.Contracts.RegionRegistered, KollegialtUtbyte.Contract", body);
        var admin = _service.ClientFor(TestUser.Administrator());

        var parked = await Eventually.UntilAsync(
            () => admin.GetFromJsonAsync<List<ParkedOutboxMessage>>("/api/regions/admin/outbox/parked", OutboxJson.Options, Cancellation),
            list => list!.Any(m => m.SequenceNumber == sequenceNumber),
            "the row was parked");
        var row = parked!.Single(m => m.SequenceNumber == sequenceNumber);
        Assert.Equal(2, row.Attempts);
        Assert.Contains("cannot be resolved", row.LastError, StringComparison.Ordinal);
        var readiness = await _service.CreateClient().GetStringAsync("/health/ready", Cancellation);
        Assert.Contains("\"status\":\"Degraded\"", readiness, StringComparison.Ordinal);
        Assert.Contains("1 outbox message(s) parked", readiness, StringComparison.Ordinal);

        await RepairTypeAsync(sequenceNumber, typeof(RegionRegistered));
        var requeued = await admin.PostAsync($"/api/regions/admin/outbox/parked/{sequenceNumber}/requeue", null, Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, requeued.StatusCode);
        await Eventually.UntilAsync(
            () => Task.FromResult(_service.Harness.Published.Select<RegionRegistered>(Cancellation).Any(m => m.Context.Message.RegionId == regionId)),
            "the repaired event was published");
        var after = await admin.GetFromJsonAsync<List<ParkedOutboxMessage>>("/api/regions/admin/outbox/parked", OutboxJson.Options, Cancellation);
        Assert.DoesNotContain(after!, m => m.SequenceNumber == sequenceNumber);
    }

    [Fact]
    public async Task Only_administrators_see_or_requeue_parked_events_and_an_unknown_row_is_not_found()
    {
        var regionId = Guid.NewGuid();
        var leader = _service.ClientFor(TestUser.ProjectLeader(regionId));

        var list = await leader.GetAsync("/api/regions/admin/outbox/parked", Cancellation);
        var requeue = await leader.PostAsync("/api/regions/admin/outbox/parked/1/requeue", null, Cancellation);
        var unknown = await _service.ClientFor(TestUser.Administrator()).PostAsync("/api/regions/admin/outbox/parked/987654/requeue", null, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, requeue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    private async Task<long> AddOutboxRowAsync(string messageType, string body)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegionsDb>();
        var row = new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = messageType, Body = body };
        db.Set<OutboxMessage>().Add(row);
        await db.SaveChangesAsync(Cancellation);
        return row.SequenceNumber;
    }

    private async Task RepairTypeAsync(long sequenceNumber, Type type)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegionsDb>();
        var typeName = $"{type.FullName}, {type.Assembly.GetName().Name}";
        await db.Set<OutboxMessage>().Where(m => m.SequenceNumber == sequenceNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.MessageType, typeName), Cancellation);
    }
}
