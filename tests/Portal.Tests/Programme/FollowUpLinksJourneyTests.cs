using KollegialtUtbyte.Portal.Tests.Team;

namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>
/// The links of follow-up made in the portal: a decision in draft documentation is given an action in
/// the documentation editor, and a region's team links a result to a version of its strategy document
/// and a suggestion it received to the priority it served.
/// </summary>
public sealed class FollowUpLinksJourneyTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>, IAsyncLifetime
{
    private const string TeamEmail = "jonas.ekdahl@regionsormland.example";
    private const string Decision = "Nätverket tar fram en kommunikationsstrategi";
    private const string PriorityTitle = "Kommunikation av resultaten";
    private static readonly Guid Sormland = Guid.Parse("39dfd50d-b56e-5774-afd6-6ed06588148f");
    private static readonly string[] Lenses = ["gt-forandringslogik", "agenda2030-05"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Guid _meetingId;
    private string _reviewerRegionName = "";

    /// <summary>
    /// Set-up the journeys do not show. The programme is made to start today and its first meeting a
    /// minute from now; the plan is published, the meeting held and its documentation drafted with one
    /// decision. Sörmland asks one region for feedback on its draft, that region submits a suggestion,
    /// and Sörmland closes the round; Sörmland has recorded one priority.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        using var api = await suite.ApiAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var programmeUrl = $"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}";
        var first = (await api.MeetingsAsync()).Single(m => m.GetProperty("number").GetInt32() == 1 && m.GetProperty("status").GetString() != "Cancelled");
        _meetingId = first.GetProperty("id").GetGuid();
        using var team = await TeamSteps.ApiAsync(suite, TeamEmail);
        // The set-up runs once per suite: the meeting stays held, its documentation a draft.
        if (first.GetProperty("status").GetString() is "Held" or "Documented")
        {
            var rounds = await team.GetFromJsonAsync<List<JsonElement>>("/api/feedback/rounds?role=author", Ct);
            _reviewerRegionName = rounds![0].GetProperty("reviewers")[0].GetProperty("regionName").GetString()!;
            return;
        }

        await api.StartFirstMeetingSoonAsync(first, TimeSpan.FromSeconds(60));
        var programme = await api.GetFromJsonAsync<JsonElement>(programmeUrl, Ct);
        await ProgrammeSteps.Succeeded(await api.PostAsJsonAsync($"{programmeUrl}/publish", new { version = programme.GetProperty("version").GetInt64() }, Ct));

        // While the meeting is ahead, the feedback round goes through.
        _reviewerRegionName = await ReceiveFeedbackAndCloseAsync(team);
        await ProgrammeSteps.Succeeded(await team.PostAsJsonAsync(
            $"/api/feedback/programmes/{EmbeddedSuite.ProgrammeId}/regions/{Sormland}/priorities", new { title = PriorityTitle, description = (string?)null }, Ct));

        await Eventually.UntilAsync(
            async () =>
            {
                var published = await api.GetFromJsonAsync<JsonElement>($"/api/meetings/{_meetingId}", Ct);
                return (await api.PostAsJsonAsync($"/api/meetings/{_meetingId}/held", new { version = published.GetProperty("version").GetInt64() }, Ct)).IsSuccessStatusCode;
            },
            "the meeting has started and is marked held",
            TimeSpan.FromSeconds(150));
        await ProgrammeSteps.Succeeded(await api.PutAsJsonAsync($"/api/meetings/{_meetingId}/documentation", new
        {
            summary = (string?)null,
            points = new[] { new { text = "Kommunikation av programmets resultat", decision = Decision, subPoints = (object?)null } },
            version = 0,
        }, Ct));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_decision_in_draft_documentation_is_given_an_action_in_the_editor()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        await page.GotoAsync($"/processledare/traffar/{_meetingId}/dokumentation");

        var decision = page.GetByRole(AriaRole.Article, new() { Name = $"Beslut under punkt 1: {Decision}" });
        await Assertions.Expect(decision).ToContainTextAsync("Inga åtgärder ännu.");
        // The people of the programme's teams can own an action too.
        await Assertions.Expect(decision.GetByLabel("Ansvarig").Locator("option", new() { HasText = "Jonas Ekdahl" })).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync("documentation-actions");

        // Nothing filled in: what is missing is said beside the fields.
        await decision.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtgärden" }).ClickAsync();
        decision = page.GetByRole(AriaRole.Article, new() { Name = $"Beslut under punkt 1: {Decision}" });
        await Assertions.Expect(decision.GetByLabel("Vad ska göras")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(decision.GetByLabel("Klart senast")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertAccessibleAsync("documentation-actions-rule-broken");

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await decision.GetByLabel("Vad ska göras").FillAsync("Ta fram ett utkast till kommunikationsstrategi");
        await decision.GetByLabel("Ansvarig").SelectOptionAsync(new SelectOptionValue { Label = "Region Sörmland" });
        await decision.GetByLabel("Klart senast").FillAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await decision.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtgärden" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Åtgärden är tillagd.");
        decision = page.GetByRole(AriaRole.Article, new() { Name = $"Beslut under punkt 1: {Decision}" });
        await Assertions.Expect(decision.GetByTestId("decision-action-list").GetByRole(AriaRole.Listitem))
            .ToHaveTextAsync(new Regex(@"^Ta fram ett utkast till kommunikationsstrategi – Region Sörmland, senast \S+$"));
        await page.AssertAccessibleAsync("documentation-actions-added");

        using var api = await suite.ApiAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var actions = await api.GetFromJsonAsync<List<JsonElement>>($"/api/meetings/{_meetingId}/documentation/actions", Ct);
        var action = Assert.Single(actions!);
        Assert.Equal(("1", "Region", Sormland), (action.GetProperty("pointNumber").GetString(), action.GetProperty("ownerKind").GetString(), action.GetProperty("ownerId").GetGuid()));
        Assert.Equal(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), action.GetProperty("dueOn").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Actions on the decisions", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add the action" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("documentation-actions-en");
    }

    [Fact]
    public async Task A_team_links_a_result_to_a_document_version_and_a_suggestion_it_received_to_a_priority()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(page, TeamEmail, returnUrl: "/team/prioriteringar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Våra prioriteringar");
        var priority = page.GetByRole(AriaRole.Article, new() { Name = $"Prioritering 1: {PriorityTitle}" });
        await Assertions.Expect(priority).ToContainTextAsync("Ingen återkoppling är länkad ännu.");

        // Nothing chosen: said beside the list.
        await priority.GetByRole(AriaRole.Button, new() { Name = "Länka återkopplingen" }).ClickAsync();
        priority = page.GetByRole(AriaRole.Article, new() { Name = $"Prioritering 1: {PriorityTitle}" });
        await Assertions.Expect(priority.GetByLabel("Återkoppling regionen har fått")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(priority.Locator(".field-error")).ToHaveTextAsync("Välj den återkoppling eller det förslag som ska länkas.");
        await page.AssertAccessibleAsync("team-priorities-link-rule-broken");

        await priority.GetByLabel("Återkoppling regionen har fått").SelectOptionAsync(new SelectOptionValue { Label = "Förslag 1: Beskriv hur resultaten når politiken." });
        await priority.GetByRole(AriaRole.Button, new() { Name = "Länka återkopplingen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Återkopplingen är länkad.");
        priority = page.GetByRole(AriaRole.Article, new() { Name = $"Prioritering 1: {PriorityTitle}" });
        await Assertions.Expect(priority.GetByTestId("linked-feedback").GetByRole(AriaRole.Listitem))
            .ToHaveTextAsync($"Förslag 1 från {_reviewerRegionName} på Sörmlandsstrategin: Beskriv hur resultaten når politiken.");

        await priority.GetByLabel("Resultat", new() { Exact = true }).FillAsync("Kommunikationsplan beslutad");
        await priority.GetByLabel("Datum").FillAsync("2022-03-15");
        await priority.GetByLabel("Styrdokument resultatet hör till (valfritt)").SelectOptionAsync(new SelectOptionValue { Label = "Sörmlandsstrategin, version 1" });
        await priority.GetByRole(AriaRole.Button, new() { Name = "Lägg till resultatet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Resultatet är sparat.");
        priority = page.GetByRole(AriaRole.Article, new() { Name = $"Prioritering 1: {PriorityTitle}" });
        await Assertions.Expect(priority.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Kommunikationsplan beslutad");
        await Assertions.Expect(priority.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("(Sörmlandsstrategin, v1)");
        await page.AssertAccessibleAsync("team-priorities-linked");

        using var api = await TeamSteps.ApiAsync(suite, TeamEmail);
        var stored = Assert.Single((await api.GetFromJsonAsync<List<JsonElement>>($"/api/feedback/programmes/{EmbeddedSuite.ProgrammeId}/regions/{Sormland}/priorities", Ct))!);
        var result = Assert.Single(stored.GetProperty("results").EnumerateArray());
        Assert.Equal(("Sörmlandsstrategin", 1), (result.GetProperty("documentTitle").GetString(), result.GetProperty("documentVersionNumber").GetInt32()));
        var link = Assert.Single(stored.GetProperty("feedback").EnumerateArray());
        Assert.Equal(1, link.GetProperty("suggestionNumber").GetInt32());

        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();
        priority = page.GetByRole(AriaRole.Article, new() { Name = $"Priority 1: {PriorityTitle}" });
        await Assertions.Expect(priority.GetByRole(AriaRole.Heading, new() { Name = "Feedback the priority draws on" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("team-priorities-linked-en");
    }

    /// <summary>Sörmland's draft gets feedback from one region, with one suggestion; Sörmland closes the round so the feedback is released.</summary>
    private async Task<string> ReceiveFeedbackAndCloseAsync(HttpClient team)
    {
        var round = await team.OpenFeedbackRoundAsync("Sörmlandsstrategin", Lenses, reviewerCount: 1);
        var roundId = round.GetProperty("id").GetGuid();
        var reviewerRegion = round.GetProperty("reviewers")[0];
        var reviewerRegionId = reviewerRegion.GetProperty("regionId").GetGuid();

        using var reviewer = await TeamSteps.ApiAsync(suite, TeamSteps.KeyOfficials[reviewerRegionId]);
        var url = $"/api/feedback/rounds/{roundId}/feedback/{reviewerRegionId}";
        var draft = await ProgrammeSteps.Succeeded(await reviewer.PutAsJsonAsync(url, new
        {
            summary = "Ett genomarbetat utkast.",
            lenses = new object[]
            {
                new { lensCode = Lenses[0], strengths = "Tydliga mål.", suggestions = new[] { "Beskriv hur resultaten når politiken." } },
                new { lensCode = Lenses[1], strengths = "Hållbarheten är förankrad.", suggestions = Array.Empty<string>() },
            },
            version = 0,
        }, Ct));
        await ProgrammeSteps.Succeeded(await reviewer.PostAsJsonAsync($"{url}/submit", new { version = draft.GetProperty("version").GetInt64() }, Ct));

        var current = await team.GetFromJsonAsync<JsonElement>($"/api/feedback/rounds/{roundId}", Ct);
        await ProgrammeSteps.Succeeded(await team.PostAsJsonAsync($"/api/feedback/rounds/{roundId}/close", new { version = current.GetProperty("version").GetInt64() }, Ct));
        return reviewerRegion.GetProperty("regionName").GetString()!;
    }
}
