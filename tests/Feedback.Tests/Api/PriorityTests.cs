using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>
/// A region's team records its priorities for the programme (seed 003: "Prioritering 1: …"), the
/// results under each over time, and links the feedback it received to the priority it served.
/// </summary>
public sealed class PriorityTests : ServiceTests
{
    [Fact]
    public async Task A_team_records_priorities_with_results_and_links_the_suggestions_it_adopted_once_the_feedback_is_released()
    {
        var regions = await App.AddRegionsAsync("Region Kronoberg", "Region Halland", "Region Sörmland");
        var (kronoberg, halland, sormland) = (regions[0], regions[1], regions[2]);
        var team = App.ClientFor(kronoberg.Member);
        var document = await team.CreateDocumentAsync("Regional utvecklingsstrategi Kronoberg");
        await (await team.UploadAsync(document.Id(), SampleFiles.Markdown(), "strategi.md")).ReadAsync(HttpStatusCode.Created);
        var round = await (await team.OpenRoundAsync(document.Id(), 1, App.Clock.GetUtcNow().AddDays(14))).ReadAsync(HttpStatusCode.Created);
        await App.ClientFor(halland.Member).WriteAndSubmitAsync(round.Id(), halland.Id);
        await App.ClientFor(sormland.Member).WriteAndSubmitAsync(round.Id(), sormland.Id);
        var priorities = $"/api/feedback/programmes/{FeedbackApp.Programme}/regions/{kronoberg.Id}/priorities";

        var first = await (await team.PostAsJsonAsync(priorities, new { title = "Hållbarhet i ordinarie styrning", description = "Agenda 2030 i budget och uppföljning." }, Token))
            .ReadAsync(HttpStatusCode.Created);
        var second = await (await team.PostAsJsonAsync(priorities, new { title = "Kompetensförsörjning" }, Token)).ReadAsync(HttpStatusCode.Created);
        Assert.Equal((1, 2), (first.GetProperty("number").GetInt32(), second.GetProperty("number").GetInt32()));
        var links = $"/api/feedback/priorities/{first.Id()}/feedback";
        await AssertRuleAsync(
            await team.PostAsJsonAsync(links, new { roundId = round.Id(), reviewerRegionId = halland.Id, suggestionNumber = 1 }, Token), "priorities.feedback-not-released");

        // The round closes; the team answers Halland's suggestions and links what served its first priority.
        await (await team.PostAsJsonAsync($"/api/feedback/rounds/{round.Id()}/close", new { version = round.Version() }, Token)).ReadAsync();
        var fromHalland = await team.GetJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback/{halland.Id}");
        await (await team.PutAsJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback/{halland.Id}/responses", new
        {
            responses = new[]
            {
                new { suggestionNumber = 1, decision = "Adopted", note = (string?)"Införs i budgetprocessen." },
                new { suggestionNumber = 2, decision = "NotAdopted", note = (string?)"Ryms inte i år." },
            },
            version = fromHalland.Version(),
        }, Token)).ReadAsync();
        await (await team.PostAsJsonAsync(links, new { roundId = round.Id(), reviewerRegionId = halland.Id, suggestionNumber = 1 }, Token)).ReadAsync(HttpStatusCode.Created);
        await (await team.PostAsJsonAsync(links, new { roundId = round.Id(), reviewerRegionId = sormland.Id }, Token)).ReadAsync(HttpStatusCode.Created);
        await AssertRuleAsync(
            await team.PostAsJsonAsync(links, new { roundId = round.Id(), reviewerRegionId = halland.Id, suggestionNumber = 1 }, Token), "priorities.feedback-already-linked");
        await AssertRuleAsync(
            await team.PostAsJsonAsync(links, new { roundId = round.Id(), reviewerRegionId = halland.Id, suggestionNumber = 99 }, Token), "priorities.suggestion-not-found");

        var results = $"/api/feedback/priorities/{first.Id()}/results";
        await (await team.PostAsJsonAsync(results, new { text = "Hållbarhetsmål i budgetanvisningarna 2022", achievedOn = "2021-11-30", documentId = document.Id(), versionNumber = 1 }, Token))
            .ReadAsync(HttpStatusCode.Created);
        await AssertRuleAsync(await team.PostAsJsonAsync(results, new { text = "Version 7", achievedOn = "2021-12-01", documentId = document.Id(), versionNumber = 7 }, Token), "priorities.unknown-version");
        var meetingId = Guid.NewGuid();
        await (await team.PostAsJsonAsync(results, new { text = "Workshop med regionledningen", achievedOn = "2021-10-05", meetingId }, Token)).ReadAsync(HttpStatusCode.Created);

        var read = await App.ClientFor(kronoberg.Politician).GetJsonAsync(priorities);
        Assert.Equal(["Hållbarhet i ordinarie styrning", "Kompetensförsörjning"], read.EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        var stored = read[0];
        Assert.Equal(
            ["Workshop med regionledningen", "Hållbarhetsmål i budgetanvisningarna 2022"],
            stored.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
        Assert.Equal("Regional utvecklingsstrategi Kronoberg", stored.GetProperty("results")[1].GetProperty("documentTitle").GetString());
        Assert.Equal(meetingId, stored.GetProperty("results")[0].Id("meetingId"));
        var linked = stored.GetProperty("feedback").EnumerateArray().ToList();
        Assert.Equal(("Region Halland", "Adopted", "Införs i budgetprocessen."), (linked[0].GetProperty("reviewerRegionName").GetString(), linked[0].GetProperty("decision").GetString(), linked[0].GetProperty("responseNote").GetString()));
        Assert.Equal("Första förslaget utifrån gt-forandringslogik.", linked[0].GetProperty("suggestionText").GetString());
        Assert.Equal(("Region Sörmland", System.Text.Json.JsonValueKind.Null), (linked[1].GetProperty("reviewerRegionName").GetString(), linked[1].GetProperty("suggestionNumber").ValueKind));
        var all = await App.ClientFor(App.Administrator).GetJsonAsync($"/api/feedback/programmes/{FeedbackApp.Programme}/priorities");
        Assert.Equal(2, all.GetArrayLength());
    }

    [Fact]
    public async Task Only_the_regions_own_team_records_and_reads_its_priorities_and_bad_input_is_refused_without_change()
    {
        var regions = await App.AddRegionsAsync("Region Värmland", "Region Norrbotten");
        var (varmland, norrbotten) = (regions[0], regions[1]);
        var priorities = $"/api/feedback/programmes/{FeedbackApp.Programme}/regions/{varmland.Id}/priorities";

        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(norrbotten.Member).PostAsJsonAsync(priorities, new { title = "Främmande" }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(varmland.Politician).PostAsJsonAsync(priorities, new { title = "Politikerns" }, Token)).StatusCode);
        var noTitle = await (await App.ClientFor(varmland.Member).PostAsJsonAsync(priorities, new { title = "" }, Token)).ReadAsync(HttpStatusCode.BadRequest);
        Assert.True(noTitle.GetProperty("errors").TryGetProperty("Title", out _));
        var otherProgramme = $"/api/feedback/programmes/{Guid.NewGuid()}/regions/{varmland.Id}/priorities";
        await AssertRuleAsync(await App.ClientFor(varmland.Member).PostAsJsonAsync(otherProgramme, new { title = "Fel program" }, Token), "priorities.region-not-in-programme");

        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(norrbotten.Member).GetAsync(priorities, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(norrbotten.Member).GetAsync($"/api/feedback/programmes/{FeedbackApp.Programme}/priorities", Token)).StatusCode);
        Assert.Equal(0, (await App.ClientFor(TestUser.Facilitator()).GetJsonAsync(priorities)).GetArrayLength());
    }

    private static async Task AssertRuleAsync(HttpResponseMessage response, string rule)
    {
        var problem = await response.ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
    }
}
