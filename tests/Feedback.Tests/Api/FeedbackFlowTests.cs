using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>
/// The whole exchange as the regions live it: a region uploads a PDF draft and opens a round,
/// two other regions are assigned and write their feedback, which the author region cannot see
/// until the deadline passes, then sees and answers suggestion by suggestion.
/// </summary>
public sealed class FeedbackFlowTests : ServiceTests
{
    [Fact]
    public async Task A_draft_gets_feedback_from_two_other_regions_released_at_the_deadline_and_answered()
    {
        var regions = await App.AddRegionsAsync("Region Värmland", "Region Norrbotten", "Region Västerbotten", "Region Kronoberg");
        var värmland = regions[0];
        var author = App.ClientFor(värmland.Member);

        // Region A uploads a PDF draft and opens a round.
        var document = await author.CreateDocumentAsync();
        var pdf = SampleFiles.Pdf();
        var version = await (await author.UploadAsync(document.Id(), pdf, "Värmlandsstrategin utkast.pdf")).ReadAsync(HttpStatusCode.Created);
        Assert.Equal("application/pdf", version.GetProperty("contentType").GetString());
        var deadline = App.Clock.GetUtcNow().AddDays(14);
        var round = await (await author.OpenRoundAsync(document.Id(), 1, deadline)).ReadAsync(HttpStatusCode.Created);

        // Two other regions are assigned, never A.
        var reviewerIds = round.GetProperty("reviewers").EnumerateArray().Select(r => r.Id("regionId")).ToList();
        Assert.Equal(2, reviewerIds.Distinct().Count());
        Assert.DoesNotContain(värmland.Id, reviewerIds);
        Assert.Equal("Open", round.GetProperty("status").GetString());
        var reviewers = regions.Where(r => reviewerIds.Contains(r.Id)).ToList();

        // The reviewers read the draft and write their feedback.
        foreach (var reviewer in reviewers)
        {
            var client = App.ClientFor(reviewer.Member);
            var download = await client.GetAsync($"/api/feedback/documents/{document.Id()}/versions/1/file", Token);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Token));
            await client.WriteAndSubmitAsync(round.Id(), reviewer.Id);
        }

        // Invisible to A until the round closes.
        var hidden = await author.GetAsync($"/api/feedback/rounds/{round.Id()}/feedback", Token);
        var problem = await hidden.ReadAsync(HttpStatusCode.Forbidden);
        Assert.Contains("släpps", problem.GetProperty("detail").GetString());
        await author.GetJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback/{reviewers[0].Id}", HttpStatusCode.Forbidden);
        var before = await author.GetJsonAsync($"/api/feedback/rounds/{round.Id()}");
        Assert.False(before.GetProperty("feedbackReleased").GetBoolean());
        Assert.All(before.GetProperty("reviewers").EnumerateArray(), r => Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("feedbackStatus").ValueKind));

        // The deadline passes: the background job closes the round and releases the feedback.
        App.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(
            async () => (await author.GetJsonAsync($"/api/feedback/rounds/{round.Id()}")).GetProperty("status").GetString() == "Closed",
            "the deadline watcher closed the round");

        var released = await author.GetJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback");
        Assert.Equal(2, released.GetArrayLength());
        Assert.Equal(reviewerIds.Order(), released.EnumerateArray().Select(f => f.Id("reviewerRegionId")).Order());

        // A answers each suggestion.
        foreach (var feedback in released.EnumerateArray())
        {
            var numbers = feedback.GetProperty("lenses").EnumerateArray()
                .SelectMany(l => l.GetProperty("suggestions").EnumerateArray())
                .Select(s => s.GetProperty("number").GetInt32())
                .ToList();
            Assert.Equal([1, 2, 3, 4], numbers.Order());
            var answered = await (await author.PutAsJsonAsync(
                $"/api/feedback/rounds/{round.Id()}/feedback/{feedback.Id("reviewerRegionId")}/responses",
                new
                {
                    responses = numbers.Select(n => new
                    {
                        suggestionNumber = n,
                        decision = n % 3 == 0 ? "NotAdopted" : n % 2 == 0 ? "PartlyAdopted" : "Adopted",
                        note = n == 1 ? null : $"Kommentar till förslag {n}.",
                    }),
                    version = feedback.Version(),
                },
                Token)).ReadAsync();
            Assert.All(
                answered.GetProperty("lenses").EnumerateArray().SelectMany(l => l.GetProperty("suggestions").EnumerateArray()),
                s => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, s.GetProperty("decision").ValueKind));
        }

        // The answers are in the document's learning log, with the version they concern.
        var log = await author.GetJsonAsync($"/api/feedback/documents/{document.Id()}/learning-log");
        var logged = log.GetProperty("versions")[0].GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(8, logged.Count);
        Assert.All(logged, s => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, s.GetProperty("decision").ValueKind));

        // Everything that happened was published through the outbox, for Notifications and the others.
        Assert.Equal(document.Id(), (await App.PublishedAsync<StrategyDraftSubmitted>(1))[0].DocumentId);
        var opened = (await App.PublishedAsync<FeedbackRoundOpened>(1))[0];
        Assert.Equal(["gt-forandringslogik", "agenda2030-05"], opened.LensCodes);
        var assigned = (await App.PublishedAsync<ReviewersAssigned>(1))[0];
        Assert.Equal(reviewerIds.Order(), assigned.ReviewerRegionIds.Order());
        Assert.All(await App.PublishedAsync<FeedbackSubmitted>(2), e => Assert.False(e.Late));
        var closed = (await App.PublishedAsync<FeedbackRoundClosed>(1))[0];
        Assert.Equal((FeedbackRoundCloseReason.DeadlineReached, 2), (closed.Reason, closed.FeedbackCount));
        await App.PublishedAsync<FeedbackResponseGiven>(2);
    }

    [Fact]
    public async Task The_author_may_close_a_round_early_and_later_feedback_arrives_flagged_late()
    {
        var regions = await App.AddRegionsAsync("Region Halland", "Region Sörmland", "Region Kronoberg");
        var author = App.ClientFor(regions[0].Member);
        var document = await author.CreateDocumentAsync("Hållbarhetshandbok", "Handbook");
        await (await author.UploadAsync(document.Id(), SampleFiles.Markdown(), "handbok.md")).ReadAsync(HttpStatusCode.Created);
        var round = await (await author.OpenRoundAsync(document.Id(), 1, App.Clock.GetUtcNow().AddDays(7))).ReadAsync(HttpStatusCode.Created);
        var (early, late) = (regions[1], regions[2]);
        await App.ClientFor(early.Member).WriteAndSubmitAsync(round.Id(), early.Id);
        var lateDraft = await (await App.ClientFor(late.Member).SaveFeedbackAsync(round.Id(), late.Id, 0)).ReadAsync(HttpStatusCode.Created);

        var closed = await (await author.PostAsJsonAsync($"/api/feedback/rounds/{round.Id()}/close", new { version = round.Version() }, Token)).ReadAsync();
        Assert.Equal("ClosedByAuthor", closed.GetProperty("closeReason").GetString());
        Assert.Single((await author.GetJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback")).EnumerateArray());

        var submittedLate = await (await App.ClientFor(late.Member).SubmitFeedbackAsync(round.Id(), late.Id, lateDraft.Version())).ReadAsync();
        Assert.True(submittedLate.GetProperty("late").GetBoolean());
        var all = await author.GetJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback");
        Assert.Equal([false, true], all.EnumerateArray().Select(f => f.GetProperty("late").GetBoolean()).Order());
    }

    [Fact]
    public async Task Rounds_waiting_for_reviewers_are_staffed_evenly_in_one_batch_by_an_administrator()
    {
        var regions = await App.AddRegionsAsync("Region A", "Region B", "Region C", "Region D", "Region E");
        var rounds = new List<Guid>();
        foreach (var region in regions)
        {
            var client = App.ClientFor(region.Member);
            var document = await client.CreateDocumentAsync($"Strategi för {region.Name}");
            await (await client.UploadAsync(document.Id(), SampleFiles.Docx(), "strategi.docx")).ReadAsync(HttpStatusCode.Created);
            var round = await (await client.OpenRoundAsync(document.Id(), 1, App.Clock.GetUtcNow().AddDays(10), assign: false)).ReadAsync(HttpStatusCode.Created);
            Assert.Equal("AwaitingReviewers", round.GetProperty("status").GetString());
            Assert.Equal(0, round.GetProperty("reviewers").GetArrayLength());
            rounds.Add(round.Id());
        }

        var member = App.ClientFor(regions[0].Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/feedback/assignments", new { }, Token)).StatusCode);

        var admin = App.ClientFor(App.Administrator);
        var batch = await (await admin.PostAsJsonAsync("/api/feedback/assignments", new { roundIds = (Guid[]?)null }, Token)).ReadAsync();

        var staffed = batch.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(rounds.Order(), staffed.Select(r => r.Id()).Order());
        Assert.All(staffed, r =>
        {
            var reviewers = r.GetProperty("reviewers").EnumerateArray().Select(x => x.Id("regionId")).ToList();
            Assert.Equal(2, reviewers.Count);
            Assert.DoesNotContain(r.Id("authorRegionId"), reviewers);
        });
        var loads = staffed.SelectMany(r => r.GetProperty("reviewers").EnumerateArray().Select(x => x.Id("regionId"))).GroupBy(x => x).Select(g => g.Count()).ToList();
        Assert.Equal([2, 2, 2, 2, 2], loads);
        await App.PublishedAsync<ReviewersAssigned>(5);
    }
}
