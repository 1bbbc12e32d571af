using KollegialtUtbyte.Portal.Tests.Team;

namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>
/// The administrator follows the programme's feedback rounds: from the start page to the round,
/// who of its reviewing regions has submitted and who still owes feedback, and the list of all rounds.
/// </summary>
public sealed class FeedbackRoundsJourneyTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>, IAsyncLifetime
{
    private const string Author = "erik.holmgren@regionvarmland.example";
    private static readonly string[] Lenses = ["gt-forandringslogik", "agenda2030-05"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string _submitted = "";
    private string _owing = "";

    /// <summary>
    /// Set-up the journey does not show: Värmland asks two regions for feedback on its draft, and
    /// the first of them writes and submits its feedback; the second has not started.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        using var author = await TeamSteps.ApiAsync(suite, Author);
        var existing = await author.GetFromJsonAsync<List<JsonElement>>("/api/feedback/rounds?role=author", Ct);
        var round = existing!.Count > 0 ? existing[0] : await author.OpenFeedbackRoundAsync("Värmlandsstrategin", Lenses, reviewerCount: 2);
        var reviewers = round.GetProperty("reviewers").EnumerateArray().ToList();
        Assert.Equal(2, reviewers.Count);
        (_submitted, _owing) = (reviewers[0].GetProperty("regionName").GetString()!, reviewers[1].GetProperty("regionName").GetString()!);
        if (existing.Count > 0)
        {
            return;
        }

        var roundId = round.GetProperty("id").GetGuid();
        var reviewerRegion = reviewers[0].GetProperty("regionId").GetGuid();
        using var reviewer = await TeamSteps.ApiAsync(suite, TeamSteps.KeyOfficials[reviewerRegion]);
        var url = $"/api/feedback/rounds/{roundId}/feedback/{reviewerRegion}";
        var draft = await ProgrammeSteps.Succeeded(await reviewer.PutAsJsonAsync(url, new
        {
            summary = "Ett genomarbetat utkast.",
            lenses = Lenses.Select(code => new { lensCode = code, strengths = "Tydliga mål.", suggestions = new[] { "Beskriv uppföljningen." } }),
            version = 0,
        }, Ct));
        await ProgrammeSteps.Succeeded(await reviewer.PostAsJsonAsync($"{url}/submit", new { version = draft.GetProperty("version").GetInt64() }, Ct));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_administrator_goes_from_the_start_page_to_the_round_and_sees_who_still_owes_feedback()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);

        var onStart = page.GetByTestId("start-rounds").GetByRole(AriaRole.Link);
        await Assertions.Expect(onStart).ToHaveCountAsync(1);
        await Assertions.Expect(onStart).ToContainTextAsync("Värmlandsstrategin (Region Värmland): 1 av 2 återkopplingar");
        await onStart.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/admin/aterkoppling/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Värmlandsstrategin (version 1), Region Värmland");
        var facts = page.GetByTestId("round-facts");
        await Assertions.Expect(facts).ToContainTextAsync("Pågår");
        await Assertions.Expect(facts).ToContainTextAsync("Förändringslogik");
        await Assertions.Expect(page.GetByTestId("round-summary")).ToHaveTextAsync("1 av 2 granskande regioner har lämnat in sin återkoppling.");
        var owed = page.GetByRole(AriaRole.Table, new() { Name = "Granskande regioner och deras återkoppling" });
        await Assertions.Expect(owed.GetByRole(AriaRole.Row, new() { Name = _submitted })).ToContainTextAsync(new Regex(@"Inlämnad\s*Inget$"));
        await Assertions.Expect(owed.GetByRole(AriaRole.Row, new() { Name = _owing })).ToContainTextAsync(new Regex(@"Inte påbörjad\s*Återkoppling på Förändringslogik, .+ senast .+$"));
        await page.AssertAccessibleAsync("admin-feedback-round");

        // Keyboard only: from the breadcrumb to the list of every round in the programme.
        await page.GetByRole(AriaRole.Link, new() { Name = "Alla återkopplingsomgångar" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Återkopplingsomgångar");
        var rows = page.GetByTestId("feedback-rounds").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Region Värmland");
        await Assertions.Expect(rows.Locator("td").Nth(1)).ToHaveTextAsync(new Regex($"^({Regex.Escape(_submitted)}, {Regex.Escape(_owing)}|{Regex.Escape(_owing)}, {Regex.Escape(_submitted)})$"));
        await Assertions.Expect(rows.Locator("td").Nth(2)).ToHaveTextAsync("1 av 2");
        await Assertions.Expect(rows.Locator("td").Nth(3)).ToHaveTextAsync("Pågår");
        await page.AssertAccessibleAsync("admin-feedback-rounds");

        // The menu leads here too, and the page reads in English.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Återkoppling", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Återkopplingsomgångar");
        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Feedback rounds");
        await Assertions.Expect(rows.Locator("td").Nth(2)).ToHaveTextAsync("1 of 2");
        await page.AssertAccessibleAsync("admin-feedback-rounds-en");
        await rows.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Reviewing regions and their feedback" }).GetByRole(AriaRole.Row, new() { Name = _owing }))
            .ToContainTextAsync("Not started");
        await page.AssertAccessibleAsync("admin-feedback-round-en");
    }

    [Fact]
    public async Task A_team_member_is_refused_the_administrators_round_pages()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(page, Author);
        foreach (var path in new[] { "/admin/aterkoppling", $"/admin/aterkoppling/{Guid.NewGuid()}" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ingen behörighet");
            await Assertions.Expect(page.GetByTestId("feedback-rounds")).ToHaveCountAsync(0);
        }
    }
}
