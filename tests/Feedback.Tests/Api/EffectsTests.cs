using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>The feedback service's part of the programme's effects report, checked against a scenario whose numbers are known.</summary>
public sealed class EffectsTests : ServiceTests
{
    [Fact]
    public async Task The_report_counts_drafts_feedback_given_and_received_answers_and_priorities_per_region()
    {
        var regions = await App.AddRegionsAsync("Region Halland", "Region Kronoberg", "Region Sörmland");
        var (halland, kronoberg, sormland) = (regions[0], regions[1], regions[2]);

        // Kronoberg's draft gets feedback from Halland and Sörmland (4 suggestions each) and answers Halland's.
        var kronobergRound = await OpenRoundAsync(kronoberg, "Regional utvecklingsstrategi Kronoberg");
        await App.ClientFor(halland.Member).WriteAndSubmitAsync(kronobergRound.Id(), halland.Id);
        await App.ClientFor(sormland.Member).WriteAndSubmitAsync(kronobergRound.Id(), sormland.Id);
        var team = App.ClientFor(kronoberg.Member);
        await (await team.PostAsJsonAsync($"/api/feedback/rounds/{kronobergRound.Id()}/close", new { version = kronobergRound.Version() }, Token)).ReadAsync();
        var fromHalland = await team.GetJsonAsync($"/api/feedback/rounds/{kronobergRound.Id()}/feedback/{halland.Id}");
        string[] decisions = ["Adopted", "PartlyAdopted", "NotAdopted", "Adopted"];
        await (await team.PutAsJsonAsync($"/api/feedback/rounds/{kronobergRound.Id()}/feedback/{halland.Id}/responses", new
        {
            responses = decisions.Select((decision, i) => new { suggestionNumber = i + 1, decision, note = "Kommentar." }),
            version = fromHalland.Version(),
        }, Token)).ReadAsync();
        var priority = await (await team.PostAsJsonAsync($"/api/feedback/programmes/{FeedbackApp.Programme}/regions/{kronoberg.Id}/priorities", new { title = "Hållbarhet i styrningen" }, Token))
            .ReadAsync(HttpStatusCode.Created);
        await (await team.PostAsJsonAsync($"/api/feedback/priorities/{priority.Id()}/results", new { text = "Mål i budgeten", achievedOn = "2021-11-30" }, Token)).ReadAsync(HttpStatusCode.Created);

        // Halland's draft: Kronoberg has given its feedback, the round is still open.
        var hallandRound = await OpenRoundAsync(halland, "Hallandsstrategin");
        await team.WriteAndSubmitAsync(hallandRound.Id(), kronoberg.Id);

        var report = await App.ClientFor(TestUser.Facilitator()).GetJsonAsync($"/api/feedback/programmes/{FeedbackApp.Programme}/effects");

        var lines = report.GetProperty("regions").EnumerateArray().Select(r => (
            r.GetProperty("regionName").GetString(),
            Count(r, "draftsSubmitted"), Count(r, "feedbackGiven"), Count(r, "feedbackReceived"),
            Count(r, "suggestionsReceived"), Count(r, "suggestionsAdopted"), Count(r, "suggestionsPartlyAdopted"), Count(r, "suggestionsNotAdopted"),
            Count(r, "priorities"), Count(r, "results"))).ToList();
        Assert.Equal(
            [
                ("Region Halland", 1, 1, 1, 4, 0, 0, 0, 0, 0),
                ("Region Kronoberg", 1, 1, 2, 8, 2, 1, 1, 1, 1),
                ("Region Sörmland", 0, 1, 0, 0, 0, 0, 0, 0, 0),
            ],
            lines);
        Assert.Equal("Hållbarhet i styrningen", report.GetProperty("priorities")[0].GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"/api/feedback/programmes/{FeedbackApp.Programme}/effects", Token)).StatusCode);
    }

    private static int Count(System.Text.Json.JsonElement line, string name) => line.GetProperty(name).GetInt32();

    private async Task<System.Text.Json.JsonElement> OpenRoundAsync(TestRegion author, string title)
    {
        var client = App.ClientFor(author.Member);
        var document = await client.CreateDocumentAsync(title);
        await (await client.UploadAsync(document.Id(), SampleFiles.Markdown(), "utkast.md")).ReadAsync(HttpStatusCode.Created);
        return await (await client.OpenRoundAsync(document.Id(), 1, App.Clock.GetUtcNow().AddDays(14))).ReadAsync(HttpStatusCode.Created);
    }
}
