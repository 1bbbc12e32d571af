using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>What bad input and broken rules get through the API: a problem that says what is wrong, and no change.</summary>
public sealed class RoundRulesTests(SharedService service) : SharedServiceTests(service)
{
    [Fact]
    public async Task Asking_for_more_reviewers_than_other_regions_exist_is_a_422_saying_why_and_opens_nothing()
    {
        var (regions, documentId) = await DraftInNewProgrammeAsync("Region Uppsala", "Region Gävleborg", "Region Dalarna");
        var author = App.ClientFor(regions[0].Member);

        var response = await author.OpenRoundAsync(documentId, 1, App.Clock.GetUtcNow().AddDays(7), reviewerCount: 3);

        var problem = await response.ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("assignment.too-few-regions", problem.GetProperty("rule").GetString());
        Assert.Contains("3 granskande regioner, men bara 2 andra regioner", problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await author.GetJsonAsync("/api/feedback/rounds")).GetArrayLength());
        Assert.Equal(0, await App.QueryAsync(db => db.Rounds.CountAsync(r => r.DocumentId == documentId)));
        Assert.DoesNotContain(await App.OutboxEventsAsync(), e => e is FeedbackRoundOpened opened && opened.DocumentId == documentId);
    }

    [Theory]
    [InlineData(-1, "gt-larandecykel", "round.deadline-not-in-future")]
    [InlineData(7, "agenda2030-18", "round.unknown-lens")]
    public async Task A_round_needs_a_future_deadline_and_lenses_from_the_catalogue(int days, string lens, string rule)
    {
        var (regions, documentId) = await DraftInNewProgrammeAsync("Region Örebro", "Region Västmanland", "Region Sörmland");

        var response = await App.ClientFor(regions[0].Member).OpenRoundAsync(documentId, 1, App.Clock.GetUtcNow().AddDays(days), [lens]);

        Assert.Equal(rule, (await response.ReadAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_version_has_one_running_round_at_a_time_and_a_version_that_does_not_exist_has_none()
    {
        var (regions, documentId) = await DraftInNewProgrammeAsync("Region Skåne", "Region Halland", "Region Blekinge");
        var author = App.ClientFor(regions[0].Member);
        var deadline = App.Clock.GetUtcNow().AddDays(7);
        await (await author.OpenRoundAsync(documentId, 1, deadline)).ReadAsync(HttpStatusCode.Created);

        var again = await (await author.OpenRoundAsync(documentId, 1, deadline)).ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("round.already-open", again.GetProperty("rule").GetString());
        await (await author.OpenRoundAsync(documentId, 9, deadline)).ReadAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_naming_them()
    {
        var (regions, documentId) = await DraftInNewProgrammeAsync("Region Norrbotten", "Region Västerbotten", "Region Jämtland Härjedalen");
        var author = App.ClientFor(regions[0].Member);

        var noTitle = await (await author.PostAsJsonAsync("/api/feedback/documents", new { title = "", kind = "Handbook" }, Token)).ReadAsync(HttpStatusCode.BadRequest);
        Assert.True(noTitle.GetProperty("errors").EnumerateObject().Any(e => e.Name.Equals("title", StringComparison.OrdinalIgnoreCase)), noTitle.ToString());

        var badKind = await (await author.PostAsJsonAsync("/api/feedback/documents", new { title = "Plan", kind = "Roman" }, Token)).ReadAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", badKind.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        var tooMany = await (await author.OpenRoundAsync(documentId, 1, App.Clock.GetUtcNow().AddDays(7), reviewerCount: 11)).ReadAsync(HttpStatusCode.BadRequest);
        Assert.True(tooMany.GetProperty("errors").EnumerateObject().Any(e => e.Name.Equals("reviewerCount", StringComparison.OrdinalIgnoreCase)), tooMany.ToString());
    }

    [Theory]
    [InlineData("9")]
    [InlineData("\"9\"")]
    [InlineData("\"Handbook, Other\"")]
    public async Task Enums_are_taken_by_name_only_and_a_400_names_the_field(string value)
    {
        var (regions, documentId) = await DraftInNewProgrammeAsync("Region Blekinge", "Region Dalarna", "Region Gävleborg");
        var author = App.ClientFor(regions[0].Member);
        var round = await (await author.OpenRoundAsync(documentId, 1, App.Clock.GetUtcNow().AddDays(7))).ReadAsync(HttpStatusCode.Created);
        var reviewer = regions.Single(r => r.Id == round.GetProperty("reviewers")[0].Id("regionId"));
        var feedback = await App.ClientFor(reviewer.Member).WriteAndSubmitAsync(round.Id(), reviewer.Id);
        await (await App.ClientFor(App.Administrator).PostAsJsonAsync($"/api/feedback/rounds/{round.Id()}/close", new { version = round.Version() }, Token)).ReadAsync();
        var document = await author.GetJsonAsync($"/api/feedback/documents/{documentId}");

        using var kind = new StringContent($$"""{"title": "RUS", "kind": {{value}}, "version": {{document.Version()}}}""", System.Text.Encoding.UTF8, "application/json");
        var badKind = await (await author.PutAsync($"/api/feedback/documents/{documentId}", kind, Token)).ReadAsync(HttpStatusCode.BadRequest);
        using var decision = new StringContent(
            $$"""{"responses": [{"suggestionNumber": 1, "decision": {{value}}, "note": "x"}], "version": {{feedback.Version()}}}""", System.Text.Encoding.UTF8, "application/json");
        var badDecision = await (await author.PutAsync($"/api/feedback/rounds/{round.Id()}/feedback/{reviewer.Id}/responses", decision, Token)).ReadAsync(HttpStatusCode.BadRequest);

        Assert.True(badKind.GetProperty("errors").TryGetProperty("$.kind", out _), badKind.ToString());
        Assert.True(badDecision.GetProperty("errors").TryGetProperty("$.responses[0].decision", out _), badDecision.ToString());
        var after = await author.GetJsonAsync($"/api/feedback/documents/{documentId}");
        Assert.Equal(document.GetProperty("kind").GetString(), after.GetProperty("kind").GetString());
        Assert.Equal(document.Version(), after.Version());
        var answered = await author.GetJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback/{reviewer.Id}");
        Assert.Equal(feedback.Version(), answered.Version());
    }

    [Fact]
    public async Task A_stale_update_is_a_409_and_the_newer_one_stays()
    {
        var (regions, documentId) = await DraftInNewProgrammeAsync("Region Östergötland", "Region Kalmar", "Region Jönköping");
        var author = App.ClientFor(regions[0].Member);
        var read = await author.GetJsonAsync($"/api/feedback/documents/{documentId}");

        var first = await author.PutAsJsonAsync($"/api/feedback/documents/{documentId}", new { title = "RUS 2040", kind = "RegionalDevelopmentStrategy", version = read.Version() }, Token);
        Assert.Equal($"\"{read.Version() + 1}\"", first.Headers.ETag!.Tag);
        await first.ReadAsync();
        var stale = await author.PutAsJsonAsync($"/api/feedback/documents/{documentId}", new { title = "Gammal titel", kind = "Other", version = read.Version() }, Token);

        await stale.ReadAsync(HttpStatusCode.Conflict);
        Assert.Equal("RUS 2040", (await author.GetJsonAsync($"/api/feedback/documents/{documentId}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Feedback_is_saved_as_a_draft_and_submitted_only_when_complete()
    {
        var (regions, documentId) = await DraftInNewProgrammeAsync("Region Stockholm", "Region Västra Götaland", "Region Värmland");
        var round = await (await App.ClientFor(regions[0].Member).OpenRoundAsync(documentId, 1, App.Clock.GetUtcNow().AddDays(7))).ReadAsync(HttpStatusCode.Created);
        var reviewer = regions.Single(r => r.Id == round.GetProperty("reviewers")[0].Id("regionId"));
        var client = App.ClientFor(reviewer.Member);

        var partial = await (await client.SaveFeedbackAsync(round.Id(), reviewer.Id, 0, lenses: ["gt-forandringslogik"])).ReadAsync(HttpStatusCode.Created);
        Assert.Equal("Draft", partial.GetProperty("status").GetString());
        var incomplete = await (await client.SubmitFeedbackAsync(round.Id(), reviewer.Id, partial.Version())).ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("feedback.incomplete", incomplete.GetProperty("rule").GetString());
        Assert.Contains("agenda2030-05", incomplete.GetProperty("detail").GetString());

        var outsideRound = await (await client.SaveFeedbackAsync(round.Id(), reviewer.Id, partial.Version(), lenses: ["tema-hallbar-besoksnaring"])).ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("feedback.lens-not-in-round", outsideRound.GetProperty("rule").GetString());
        await (await client.SaveFeedbackAsync(round.Id(), reviewer.Id, 0)).ReadAsync(HttpStatusCode.Conflict);

        var complete = await (await client.SaveFeedbackAsync(round.Id(), reviewer.Id, partial.Version())).ReadAsync();
        var submitted = await (await client.SubmitFeedbackAsync(round.Id(), reviewer.Id, complete.Version())).ReadAsync();
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        var frozen = await (await client.SaveFeedbackAsync(round.Id(), reviewer.Id, submitted.Version())).ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("feedback.already-submitted", frozen.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task The_author_answers_only_after_the_round_has_closed()
    {
        var (regions, documentId) = await DraftInNewProgrammeAsync("Region Gotland", "Region Kronoberg", "Region Halland");
        var author = App.ClientFor(regions[0].Member);
        var round = await (await author.OpenRoundAsync(documentId, 1, App.Clock.GetUtcNow().AddDays(7))).ReadAsync(HttpStatusCode.Created);
        var reviewer = regions.Single(r => r.Id == round.GetProperty("reviewers")[0].Id("regionId"));
        var feedback = await App.ClientFor(reviewer.Member).WriteAndSubmitAsync(round.Id(), reviewer.Id);
        var answer = new { responses = new[] { new { suggestionNumber = 1, decision = "Adopted", note = (string?)null } }, version = feedback.Version() };

        await (await author.PutAsJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback/{reviewer.Id}/responses", answer, Token)).ReadAsync(HttpStatusCode.Forbidden);

        var admin = App.ClientFor(App.Administrator);
        var closed = await (await admin.PostAsJsonAsync($"/api/feedback/rounds/{round.Id()}/close", new { version = round.Version() }, Token)).ReadAsync();
        Assert.Equal("ClosedByAdministrator", closed.GetProperty("closeReason").GetString());
        var noNote = new { responses = new[] { new { suggestionNumber = 2, decision = "NotAdopted", note = (string?)"" } }, version = feedback.Version() };
        var refused = await (await author.PutAsJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback/{reviewer.Id}/responses", noNote, Token)).ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("response.note-required", refused.GetProperty("rule").GetString());

        var answered = await (await author.PutAsJsonAsync($"/api/feedback/rounds/{round.Id()}/feedback/{reviewer.Id}/responses", answer, Token)).ReadAsync();
        Assert.Equal("Adopted", answered.GetProperty("lenses")[0].GetProperty("suggestions")[0].GetProperty("decision").GetString());
        await (await author.PostAsJsonAsync($"/api/feedback/rounds/{round.Id()}/close", new { version = closed.Version() }, Token)).ReadAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_administrators_override_passes_the_same_conflict_check_and_is_announced()
    {
        var programme = Guid.NewGuid();
        var (regions, documentId) = await DraftInNewProgrammeAsync(programme, "Region A-län", "Region B-län", "Region C-län", "Region D-län");
        var round = await (await App.ClientFor(regions[0].Member).OpenRoundAsync(documentId, 1, App.Clock.GetUtcNow().AddDays(7))).ReadAsync(HttpStatusCode.Created);
        var assigned = round.GetProperty("reviewers").EnumerateArray().Select(r => r.Id("regionId")).ToList();
        var unassigned = regions.Skip(1).Single(r => !assigned.Contains(r.Id)).Id;
        var outsider = (await App.AddRegionsAsync(Guid.NewGuid(), "Region utanför"))[0].Id;
        var admin = App.ClientFor(App.Administrator);
        var path = $"/api/feedback/rounds/{round.Id()}/reviewers";

        var own = await (await admin.PutAsJsonAsync(path, new { regionIds = new[] { regions[0].Id, unassigned }, version = round.Version() }, Token)).ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("assignment.own-region", own.GetProperty("rule").GetString());
        var foreign = await (await admin.PutAsJsonAsync(path, new { regionIds = new[] { outsider, unassigned }, version = round.Version() }, Token)).ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("assignment.not-in-programme", foreign.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(regions[0].Member).PutAsJsonAsync(path, new { regionIds = new[] { unassigned }, version = round.Version() }, Token)).StatusCode);

        var changed = await (await admin.PutAsJsonAsync(path, new { regionIds = new[] { assigned[0], unassigned }, version = round.Version() }, Token)).ReadAsync();
        Assert.Equal(new[] { assigned[0], unassigned }.Order(), changed.GetProperty("reviewers").EnumerateArray().Select(r => r.Id("regionId")).Order());
        Assert.Contains(changed.GetProperty("reviewers").EnumerateArray(), r => r.Id("regionId") == unassigned && r.GetProperty("source").GetString() == "Administrator");
        var announced = await Eventually.UntilAsync(
            () => Task.FromResult(App.Factory.Harness.Published.Select<ReviewersReassigned>().Select(m => m.Context.Message).FirstOrDefault(e => e.RoundId == round.Id())),
            e => e is not null,
            "the reassignment was announced");
        Assert.Equal([unassigned], announced!.AddedRegionIds);
        Assert.Equal([assigned[1]], announced.RemovedRegionIds);

        await (await admin.PutAsJsonAsync(path, new { regionIds = new[] { assigned[1] }, version = round.Version() }, Token)).ReadAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rounds_opened_one_after_another_go_to_the_least_loaded_regions()
    {
        var (regions, _) = await DraftInNewProgrammeAsync("Region 1", "Region 2", "Region 3", "Region 4");
        var loads = regions.ToDictionary(r => r.Id, _ => 0);
        foreach (var region in regions.Concat(regions))
        {
            var client = App.ClientFor(region.Member);
            var document = await client.CreateDocumentAsync($"Plan för {region.Name}", "ActionPlan");
            await (await client.UploadAsync(document.Id(), SampleFiles.Markdown(), "plan.md")).ReadAsync(HttpStatusCode.Created);
            var round = await (await client.OpenRoundAsync(document.Id(), 1, App.Clock.GetUtcNow().AddDays(7), reviewerCount: 1)).ReadAsync(HttpStatusCode.Created);

            var reviewer = round.GetProperty("reviewers")[0].Id("regionId");
            var leastLoaded = loads.Where(l => l.Key != region.Id).Min(l => l.Value);
            Assert.Equal(leastLoaded, loads[reviewer]);
            loads[reviewer]++;
        }

        Assert.Equal(8, loads.Values.Sum());
    }

    [Fact]
    public async Task The_learning_log_keeps_the_teams_lessons_per_version()
    {
        var (regions, documentId) = await DraftInNewProgrammeAsync("Region Västernorrland", "Region Jämtland", "Region Gävleborg");
        var author = App.ClientFor(regions[0].Member);
        var path = $"/api/feedback/documents/{documentId}/learning-log";

        await (await author.PostAsJsonAsync(path, new { text = "Förankra tidigare hos politiken.", versionNumber = 1 }, Token)).ReadAsync(HttpStatusCode.Created);
        await (await author.PostAsJsonAsync(path, new { text = "Vi använder förändringslogiken i varje version." }, Token)).ReadAsync(HttpStatusCode.Created);
        var unknown = await (await author.PostAsJsonAsync(path, new { text = "Fel version", versionNumber = 5 }, Token)).ReadAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("learning-log.unknown-version", unknown.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(regions[1].Member).PostAsJsonAsync(path, new { text = "Intrång" }, Token)).StatusCode);

        var log = await author.GetJsonAsync(path);
        Assert.Equal("Förankra tidigare hos politiken.", Assert.Single(log.GetProperty("versions")[0].GetProperty("notes").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("Vi använder förändringslogiken i varje version.", Assert.Single(log.GetProperty("generalNotes").EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_region_outside_every_programme_cannot_open_a_round()
    {
        var regionId = Guid.NewGuid();
        var region = new TestRegion(regionId, "Region utan program", TestUser.ProjectLeader(regionId), TestUser.Politician(regionId));
        var programme = Guid.NewGuid();
        await App.AnnounceAsync(region, programme);
        await App.WaitUntilKnownAsync([region]);
        await App.PublishAsync(new RegionLeftProgramme(programme, region.Id, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => App.QueryAsync(db => db.ProgrammeRegions.AnyAsync(p => p.RegionId == region.Id && !p.Active)), "the region left");
        var client = App.ClientFor(region.Member);
        var document = await client.CreateDocumentAsync();
        await (await client.UploadAsync(document.Id(), SampleFiles.Pdf(), "rus.pdf")).ReadAsync(HttpStatusCode.Created);

        var problem = await (await client.OpenRoundAsync(document.Id(), 1, App.Clock.GetUtcNow().AddDays(7))).ReadAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("round.no-programme", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task The_rounds_of_one_programme_show_an_administrator_who_has_submitted_and_a_team_only_its_own()
    {
        var (programme, other) = (Guid.NewGuid(), Guid.NewGuid());
        var (regions, documentId) = await DraftInNewProgrammeAsync(programme, "Region Västerbotten", "Region Norrbotten", "Region Jämtland Härjedalen");
        var (elsewhere, otherDocumentId) = await DraftInNewProgrammeAsync(other, "Region Kalmar", "Region Kronoberg", "Region Blekinge");
        var round = await (await App.ClientFor(regions[0].Member).OpenRoundAsync(documentId, 1, App.Clock.GetUtcNow().AddDays(7))).ReadAsync(HttpStatusCode.Created);
        await (await App.ClientFor(elsewhere[0].Member).OpenRoundAsync(otherDocumentId, 1, App.Clock.GetUtcNow().AddDays(7))).ReadAsync(HttpStatusCode.Created);
        var submitting = regions.Single(r => r.Id == round.GetProperty("reviewers")[0].Id("regionId"));
        await App.ClientFor(submitting.Member).WriteAndSubmitAsync(round.Id(), submitting.Id);

        var listed = await App.ClientFor(App.Administrator).GetJsonAsync($"/api/feedback/rounds?programmeId={programme}");

        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal(round.Id(), only.Id());
        var statuses = only.GetProperty("reviewers").EnumerateArray()
            .ToDictionary(r => r.Id("regionId"), r => r.GetProperty("feedbackStatus").ValueKind == System.Text.Json.JsonValueKind.Null ? null : r.GetProperty("feedbackStatus").GetString());
        Assert.Equal(2, statuses.Count);
        Assert.Equal("Submitted", statuses[submitting.Id]);
        Assert.Null(statuses.Single(s => s.Key != submitting.Id).Value);

        // A team member of the other programme's author region is not shown this programme's round by asking for it.
        Assert.Equal(0, (await App.ClientFor(elsewhere[0].Member).GetJsonAsync($"/api/feedback/rounds?programmeId={programme}")).GetArrayLength());
        Assert.Equal(1, (await App.ClientFor(elsewhere[0].Member).GetJsonAsync($"/api/feedback/rounds?programmeId={other}")).GetArrayLength());
    }

    private Task<(IReadOnlyList<TestRegion> Regions, Guid DocumentId)> DraftInNewProgrammeAsync(params string[] names) =>
        DraftInNewProgrammeAsync(Guid.NewGuid(), names);

    /// <summary>Regions in a programme of their own; the first has uploaded a PDF draft.</summary>
    private async Task<(IReadOnlyList<TestRegion> Regions, Guid DocumentId)> DraftInNewProgrammeAsync(Guid programme, params string[] names)
    {
        var regions = await App.AddRegionsAsync(programme, names);
        var author = App.ClientFor(regions[0].Member);
        var document = await author.CreateDocumentAsync();
        await (await author.UploadAsync(document.Id(), SampleFiles.Pdf(), "utkast.pdf")).ReadAsync(HttpStatusCode.Created);
        return (regions, document.Id());
    }
}
