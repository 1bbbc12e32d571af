using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>
/// A region's team manages its own documents and rounds; only the assigned regions read a draft
/// under review and write its feedback; administrators see everything. Other regions' drafts are
/// not even known to exist (404); what a caller may see but not do is 403.
/// </summary>
public sealed class AuthorizationTests(SharedService service) : SharedServiceTests(service)
{
    [Fact]
    public async Task Every_endpoint_wants_a_token()
    {
        var anonymous = App.ClientFor(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/feedback/lenses", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/feedback/documents", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/feedback/documents", new { title = "x", kind = "Other" }, Token)).StatusCode);
    }

    [Fact]
    public async Task A_person_in_two_regions_teams_works_for_both_and_names_the_region_of_a_new_document()
    {
        var regions = await App.AddRegionsAsync("Region Gävleborg", "Region Dalarna");
        var (first, second) = (regions[0], regions[1]);
        var both = first.Member;
        await App.PublishAsync(new TeamMemberJoined(FeedbackApp.Programme, second.Id, second.Name, both.PersonId, TeamRole.KeyOfficial,
            both.Name, both.Email, null, "sv", null, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(
            () => App.QueryAsync(db => db.TeamMembers.AnyAsync(m => m.PersonId == both.PersonId && m.RegionId == second.Id)),
            "the second team place is known");
        var client = App.ClientFor(both.AlsoIn(second.Id));

        using var unnamed = await client.PostAsJsonAsync("/api/feedback/documents", new { title = "Strategi", kind = "Other" }, Token);
        using var forSecond = await client.PostAsJsonAsync("/api/feedback/documents", new { title = "Dalastrategi", kind = "Other", regionId = second.Id }, Token);
        using var forStranger = await client.PostAsJsonAsync("/api/feedback/documents", new { title = "Kapad", kind = "Other", regionId = Guid.NewGuid() }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("regionId", await unnamed.Content.ReadAsStringAsync(Token), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Created, forSecond.StatusCode);
        Assert.Equal(second.Id, (await forSecond.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Token)).GetProperty("regionId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, forStranger.StatusCode);
        var listed = await client.GetJsonAsync($"/api/feedback/documents?regionId={second.Id}");
        Assert.Contains("Dalastrategi", listed.EnumerateArray().Select(d => d.GetProperty("title").GetString()));

        // The politician of the region manages nothing, however many regions the token names.
        var politician = App.ClientFor(second.Politician);
        using var byPolitician = await politician.PostAsJsonAsync("/api/feedback/documents", new { title = "Politikerns", kind = "Other", regionId = second.Id }, Token);
        Assert.Equal(HttpStatusCode.Forbidden, byPolitician.StatusCode);
    }

    [Fact]
    public async Task Another_regions_draft_is_not_found_and_an_unassigned_region_cannot_touch_its_round()
    {
        var scene = await ReviewSceneAsync();
        var outsider = App.ClientFor(scene.Outsider.Member);

        await outsider.GetJsonAsync($"/api/feedback/documents/{scene.DocumentId}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/feedback/documents/{scene.DocumentId}/versions/1/file", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.UploadAsync(scene.DocumentId, SampleFiles.Pdf(), "x.pdf")).StatusCode);
        await outsider.GetJsonAsync($"/api/feedback/rounds/{scene.RoundId}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SaveFeedbackAsync(scene.RoundId, scene.Outsider.Id, 0)).StatusCode);
        Assert.Equal(0, (await outsider.GetJsonAsync("/api/feedback/rounds")).GetArrayLength());
    }

    [Fact]
    public async Task A_reviewer_reads_the_draft_under_review_but_manages_nothing_of_the_author()
    {
        var scene = await ReviewSceneAsync();
        var reviewer = App.ClientFor(scene.Reviewers[0].Member);

        var document = await reviewer.GetJsonAsync($"/api/feedback/documents/{scene.DocumentId}");
        Assert.Equal([1], document.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/feedback/documents/{scene.DocumentId}/versions/1/file", Token)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.UploadAsync(scene.DocumentId, SampleFiles.Pdf(), "x.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"/api/feedback/rounds/{scene.RoundId}/close", new { version = 2 }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PutAsJsonAsync($"/api/feedback/documents/{scene.DocumentId}", new { title = "Kapad", kind = "Other", version = 1 }, Token)).StatusCode);
        await reviewer.GetJsonAsync($"/api/feedback/documents/{scene.DocumentId}/learning-log", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reviewer_writes_only_for_its_own_region_and_never_reads_the_other_reviewers_feedback()
    {
        var scene = await ReviewSceneAsync();
        var (first, second) = (scene.Reviewers[0], scene.Reviewers[1]);
        var firstClient = App.ClientFor(first.Member);
        await App.ClientFor(second.Member).WriteAndSubmitAsync(scene.RoundId, second.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await firstClient.SaveFeedbackAsync(scene.RoundId, second.Id, 0)).StatusCode);
        await firstClient.GetJsonAsync($"/api/feedback/rounds/{scene.RoundId}/feedback/{second.Id}", HttpStatusCode.NotFound);
        Assert.Equal(0, (await firstClient.GetJsonAsync($"/api/feedback/rounds/{scene.RoundId}/feedback")).GetArrayLength());

        // The politician of a reviewing region reads but does not write the feedback.
        var politician = App.ClientFor(first.Politician);
        Assert.Equal(HttpStatusCode.Forbidden, (await politician.SaveFeedbackAsync(scene.RoundId, first.Id, 0)).StatusCode);
    }

    [Fact]
    public async Task The_author_regions_politician_reads_its_documents_but_does_not_manage_them()
    {
        var scene = await ReviewSceneAsync();
        var politician = App.ClientFor(scene.Author.Politician);

        await politician.GetJsonAsync($"/api/feedback/documents/{scene.DocumentId}");
        Assert.Equal(HttpStatusCode.Forbidden, (await politician.PostAsJsonAsync("/api/feedback/documents", new { title = "Ny", kind = "Other" }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await politician.UploadAsync(scene.DocumentId, SampleFiles.Pdf(), "x.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_token_for_a_region_counts_only_for_people_the_regions_team_lists()
    {
        var scene = await ReviewSceneAsync();

        // Claims region A, but the Regions service never put this person in A's team.
        var stranger = App.ClientFor(TestUser.ProjectLeader(scene.Author.Id));
        await stranger.GetJsonAsync($"/api/feedback/documents/{scene.DocumentId}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync("/api/feedback/documents", new { title = "Ny", kind = "Other" }, Token)).StatusCode);

        // A member of A's team whose token names another region acts for neither.
        var wrongRegion = App.ClientFor(scene.Author.Member with { RegionId = scene.Outsider.Id });
        await wrongRegion.GetJsonAsync($"/api/feedback/documents/{scene.DocumentId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_team_member_who_left_loses_access()
    {
        var scene = await ReviewSceneAsync();
        var member = scene.Author.Member;
        await App.PublishAsync(new TeamMemberLeft(scene.ProgrammeId, scene.Author.Id, member.PersonId, TeamRole.ProjectLeader, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(
            () => App.QueryAsync(db => db.TeamMembers.AnyAsync(m => m.PersonId == member.PersonId && !m.Active)),
            "the service saw the member leave");

        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(member).GetAsync($"/api/feedback/documents/{scene.DocumentId}", Token)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_sees_every_document_round_and_draft_but_writes_no_regions_feedback()
    {
        var scene = await ReviewSceneAsync();
        var reviewer = scene.Reviewers[0];
        await (await App.ClientFor(reviewer.Member).SaveFeedbackAsync(scene.RoundId, reviewer.Id, 0)).ReadAsync(HttpStatusCode.Created);
        var admin = App.ClientFor(App.Administrator);

        await admin.GetJsonAsync($"/api/feedback/documents/{scene.DocumentId}");
        Assert.Contains(scene.DocumentId, (await admin.GetJsonAsync("/api/feedback/documents")).EnumerateArray().Select(d => d.Id()));
        Assert.Contains(scene.RoundId, (await admin.GetJsonAsync("/api/feedback/rounds")).EnumerateArray().Select(r => r.Id()));
        var drafts = await admin.GetJsonAsync($"/api/feedback/rounds/{scene.RoundId}/feedback");
        Assert.Equal("Draft", Assert.Single(drafts.EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SaveFeedbackAsync(scene.RoundId, scene.Reviewers[1].Id, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/feedback/documents", new { title = "Ny", kind = "Other" }, Token)).StatusCode);
    }

    private sealed record Scene(Guid ProgrammeId, TestRegion Author, IReadOnlyList<TestRegion> Reviewers, TestRegion Outsider, Guid DocumentId, Guid RoundId);

    /// <summary>A round on a PDF draft in a programme of four regions: the author, two reviewers and one that was not assigned.</summary>
    private async Task<Scene> ReviewSceneAsync()
    {
        var programme = Guid.NewGuid();
        var regions = await App.AddRegionsAsync(programme, "Region Jönköping", "Region Kalmar", "Region Gotland", "Region Blekinge");
        var author = App.ClientFor(regions[0].Member);
        var document = await author.CreateDocumentAsync("Regional utvecklingsstrategi för Jönköpings län");
        await (await author.UploadAsync(document.Id(), SampleFiles.Pdf(), "rus.pdf")).ReadAsync(HttpStatusCode.Created);
        var round = await (await author.OpenRoundAsync(document.Id(), 1, App.Clock.GetUtcNow().AddDays(30))).ReadAsync(HttpStatusCode.Created);
        var assigned = round.GetProperty("reviewers").EnumerateArray().Select(r => r.Id("regionId")).ToHashSet();
        return new Scene(
            programme,
            regions[0],
            [.. regions.Where(r => assigned.Contains(r.Id))],
            regions.Skip(1).Single(r => !assigned.Contains(r.Id)),
            document.Id(),
            round.Id());
    }
}
