using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>
/// The exchange as it runs in the distributed mode: PostgreSQL, the Regions service's events
/// arriving over RabbitMQ, and every event the service publishes crossing the real broker.
/// </summary>
public sealed class DistributedFlowTests
{
    [Fact]
    public async Task The_whole_exchange_runs_on_RabbitMQ_and_PostgreSQL()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("feedback");
        await using var recorder = await EventRecorder.StartAsync(broker,
            typeof(StrategyDraftSubmitted), typeof(FeedbackRoundOpened), typeof(ReviewersAssigned),
            typeof(FeedbackSubmitted), typeof(FeedbackRoundClosed), typeof(FeedbackResponseGiven));
        await using var app = await FeedbackApp.StartAsync(DistributedSettings.For(FeedbackModule.Name, broker, database));

        var regions = await app.AddRegionsAsync(Guid.NewGuid(), "Region Värmland", "Region Norrbotten", "Region Västerbotten");
        var author = app.ClientFor(regions[0].Member);
        var document = await author.CreateDocumentAsync();
        await (await author.UploadAsync(document.Id(), SampleFiles.Pdf(), "Värmlandsstrategin.pdf")).ReadAsync(HttpStatusCode.Created);
        var round = await (await author.OpenRoundAsync(document.Id(), 1, app.Clock.GetUtcNow().AddDays(7))).ReadAsync(HttpStatusCode.Created);

        var assigned = await recorder.WaitForAsync<ReviewersAssigned>(e => e.RoundId == round.Id());
        Assert.Equal(regions.Skip(1).Select(r => r.Id).Order(), assigned.ReviewerRegionIds.Order());
        await recorder.WaitForAsync<StrategyDraftSubmitted>(e => e.DocumentId == document.Id());
        await recorder.WaitForAsync<FeedbackRoundOpened>(e => e.RoundId == round.Id());

        foreach (var reviewer in regions.Skip(1))
        {
            await app.ClientFor(reviewer.Member).WriteAndSubmitAsync(round.Id(), reviewer.Id);
        }

        await author.GetJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback", HttpStatusCode.Forbidden);
        await Eventually.UntilAsync(() => Task.FromResult(recorder.All<FeedbackSubmitted>().Count(e => e.RoundId == round.Id()) == 2), "both submissions crossed the broker");

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var closed = await recorder.WaitForAsync<FeedbackRoundClosed>(e => e.RoundId == round.Id());
        Assert.Equal((FeedbackRoundCloseReason.DeadlineReached, 2), (closed.Reason, closed.FeedbackCount));

        var released = await author.GetJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback");
        Assert.Equal(2, released.GetArrayLength());
        var first = released[0];
        var answered = await (await author.PutAsJsonAsync(
            $"/api/feedback/rounds/{round.Id()}/feedback/{first.Id("reviewerRegionId")}/responses",
            new { responses = new[] { new { suggestionNumber = 1, decision = "PartlyAdopted", note = "Tas med i nästa version." } }, version = first.Version() },
            Token)).ReadAsync();
        Assert.Equal("PartlyAdopted", answered.GetProperty("lenses")[0].GetProperty("suggestions")[0].GetProperty("decision").GetString());
        var response = await recorder.WaitForAsync<FeedbackResponseGiven>(e => e.RoundId == round.Id());
        Assert.Equal(first.Id("reviewerRegionId"), response.ReviewerRegionId);
    }
}
