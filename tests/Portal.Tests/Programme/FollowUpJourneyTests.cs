using System.Net;

namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>
/// The follow-up of an approved protocol in the portal: the owner reports progress on their action,
/// administrators and facilitators follow the programme's actions by filters, and a region's team
/// records its priorities with their results.
/// </summary>
public sealed class FollowUpJourneyTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>, IAsyncLifetime
{
    private const string OwnerEmail = "jonas.ekdahl@regionsormland.example";
    private static readonly Guid OwnerId = Guid.Parse("f247ef85-3edf-5976-b41c-ff3efb4072d5");
    private static readonly Guid Sormland = Guid.Parse("39dfd50d-b56e-5774-afd6-6ed06588148f");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string _otherRegionName = "";

    /// <summary>
    /// Set-up the journeys do not show. The demo programme lies ahead of today, so it is made to start
    /// today and its first meeting moved to a minute from now; the plan is published, the meeting held
    /// and documented with one decision carrying two actions (Jonas Ekdahl's, due in a month; another
    /// region's, already overdue), and the documentation approved.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        using var api = await suite.ApiAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var programmeUrl = $"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}";
        var first = (await api.MeetingsAsync()).Single(m => m.GetProperty("number").GetInt32() == 1 && m.GetProperty("status").GetString() != "Cancelled");
        var meetingId = first.GetProperty("id").GetGuid();
        var teams = await api.GetFromJsonAsync<JsonElement>($"/api/regions/programmes/{EmbeddedSuite.ProgrammeId}/teams?pageSize=100", Ct);
        var other = teams.GetProperty("items").EnumerateArray().First(t => t.GetProperty("regionId").GetGuid() != Sormland);
        _otherRegionName = other.GetProperty("regionName").GetString()!;
        if (first.GetProperty("status").GetString() == "Documented")
        {
            return;
        }

        var today = await api.StartFirstMeetingSoonAsync(first, TimeSpan.FromSeconds(60));
        var programme = await api.GetFromJsonAsync<JsonElement>(programmeUrl, Ct);
        await ProgrammeSteps.Succeeded(await api.PostAsJsonAsync($"{programmeUrl}/publish", new { version = programme.GetProperty("version").GetInt64() }, Ct));
        // The meeting starts a minute from now; then it can be marked held.
        await Eventually.UntilAsync(
            async () =>
            {
                var published = await api.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}", Ct);
                return (await api.PostAsJsonAsync($"/api/meetings/{meetingId}/held", new { version = published.GetProperty("version").GetInt64() }, Ct)).IsSuccessStatusCode;
            },
            "the meeting has started and is marked held",
            TimeSpan.FromSeconds(150));
        var draft = await ProgrammeSteps.Succeeded(await api.PutAsJsonAsync($"/api/meetings/{meetingId}/documentation", new
        {
            summary = (string?)null,
            points = new[] { new { text = "Kommunikation av programmets resultat", decision = "Nätverket tar fram en kommunikationsstrategi", subPoints = (object?)null } },
            version = 0,
        }, Ct));

        var actionsUrl = $"/api/meetings/{meetingId}/documentation/points/1/actions";
        // The directory reaches the meetings service through events: the owner may not be known at once.
        await Eventually.UntilAsync(
            async () => (await api.PostAsJsonAsync(actionsUrl, new { what = "Ta fram ett utkast till kommunikationsstrategi", ownerPersonId = OwnerId, dueOn = today.AddDays(30) }, Ct)).IsSuccessStatusCode,
            "the owner is known to the meetings service",
            TimeSpan.FromSeconds(60));
        // So does the region's place in the programme, in an event of its own.
        await Eventually.UntilAsync(
            async () => (await api.PostAsJsonAsync(actionsUrl, new { what = "Förankra strategin i regionledningen", ownerRegionId = other.GetProperty("regionId").GetGuid(), dueOn = today.AddDays(-10) }, Ct)).IsSuccessStatusCode,
            "the owning region's place in the programme is known to the meetings service",
            TimeSpan.FromSeconds(60));
        await ProgrammeSteps.Succeeded(await api.PostAsJsonAsync($"/api/meetings/{meetingId}/documentation/approve", new { version = draft.GetProperty("version").GetInt64() }, Ct));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_owner_sees_the_open_action_and_records_progress_with_a_history()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync(OwnerEmail, EmbeddedSuite.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mina åtgärder" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mina åtgärder");
        var action = page.GetByRole(AriaRole.Region, new() { Name = "Ta fram ett utkast till kommunikationsstrategi" });
        await Assertions.Expect(action).ToContainTextAsync("Nätverket tar fram en kommunikationsstrategi");
        await Assertions.Expect(action).ToContainTextAsync("Planerad");
        // Another region's action is not his.
        await Assertions.Expect(page.GetByText("Förankra strategin i regionledningen")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync("my-actions");

        // Dropping needs a reason: the service's rule beside the note, the chosen status kept.
        await action.GetByLabel("Ny status").SelectOptionAsync("Dropped");
        await action.GetByRole(AriaRole.Button, new() { Name = "Spara uppföljningen" }).ClickAsync();
        action = page.GetByRole(AriaRole.Region, new() { Name = "Ta fram ett utkast till kommunikationsstrategi" });
        await Assertions.Expect(action.Locator(".field-error")).ToHaveTextAsync("Ange varför åtgärden inte genomförs.");
        await Assertions.Expect(action.GetByLabel("Ny status")).ToHaveValueAsync("Dropped");
        await Assertions.Expect(action.GetByLabel("Anteckning")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertAccessibleAsync("my-actions-rule-broken");

        await action.GetByLabel("Ny status").SelectOptionAsync("InProgress");
        await action.GetByLabel("Anteckning").FillAsync("Arbetsgruppen har börjat");
        await action.GetByRole(AriaRole.Button, new() { Name = "Spara uppföljningen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uppföljningen är sparad.");
        action = page.GetByRole(AriaRole.Region, new() { Name = "Ta fram ett utkast till kommunikationsstrategi" });
        await Assertions.Expect(action.Locator("dd").Nth(1)).ToHaveTextAsync("Pågående");
        await Assertions.Expect(action.GetByRole(AriaRole.Listitem)).ToContainTextAsync("Jonas Ekdahl: Pågående – Arbetsgruppen har börjat");

        using var api = await suite.ApiAsync(OwnerEmail, EmbeddedSuite.DemoPassword);
        var mine = await api.GetFromJsonAsync<List<JsonElement>>("/api/meetings/actions/mine", Ct);
        Assert.Equal("InProgress", Assert.Single(mine!).GetProperty("status").GetString());

        // The same page in English.
        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My actions");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the follow-up" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("my-actions-en");
    }

    [Fact]
    public async Task Administrators_filter_the_programmes_actions_by_region_owner_status_and_overdue()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Åtgärder", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Åtgärder i programmet");
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Åtgärder" }).Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await page.AssertAccessibleAsync("programme-actions");

        await page.GetByLabel("Bara försenade").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Förankra strategin i regionledningen");
        await Assertions.Expect(rows).ToContainTextAsync("Försenad");
        Assert.Contains("forsenade=ja", page.Url);

        await page.GetByRole(AriaRole.Link, new() { Name = "Visa alla" }).ClickAsync();
        // The unfiltered page must have replaced the filtered one before the next filter is chosen.
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await page.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Region Sörmland" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Ta fram ett utkast till kommunikationsstrategi");
        await Assertions.Expect(rows).ToContainTextAsync("Jonas Ekdahl");

        await page.GetByRole(AriaRole.Link, new() { Name = "Visa alla" }).ClickAsync();
        // The unfiltered page must have replaced the filtered one before the next filter is chosen.
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await page.GetByLabel("Ansvarig").SelectOptionAsync(new SelectOptionValue { Label = _otherRegionName });
        await page.GetByLabel("Status").SelectOptionAsync("Planned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Förankra strategin i regionledningen");
        await Assertions.Expect(page.GetByLabel("Status")).ToHaveValueAsync("Planned");

        await page.GetByLabel("Status").SelectOptionAsync("Done");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Inga åtgärder motsvarar urvalet.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("programme-actions-filtered");

        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The programme's actions");
        await page.AssertAccessibleAsync("programme-actions-en");
    }

    [Fact]
    public async Task A_team_records_a_priority_and_a_result_under_it()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync(OwnerEmail, EmbeddedSuite.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Prioriteringar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Våra prioriteringar");

        // A priority needs a title: the rule beside the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara prioriteringen" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Rubrik")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertAccessibleAsync("team-priorities-rule-broken");

        await page.GetByLabel("Rubrik").FillAsync("Hållbarhet i ordinarie styrning");
        await page.GetByLabel("Beskrivning (valfri)").FillAsync("Hållbarhetsmålen in i budgetprocessen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara prioriteringen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Prioriteringen är sparad.");
        var priority = page.GetByRole(AriaRole.Article, new() { Name = "Prioritering 1: Hållbarhet i ordinarie styrning" });
        await Assertions.Expect(priority).ToContainTextAsync("Inga resultat ännu.");

        await priority.GetByLabel("Resultat", new() { Exact = true }).FillAsync("Mål i budgetanvisningarna");
        await priority.GetByLabel("Datum").FillAsync("2021-11-30");
        await priority.GetByLabel("Träff resultatet hör till (valfritt)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await priority.GetByRole(AriaRole.Button, new() { Name = "Lägg till resultatet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Resultatet är sparat.");
        priority = page.GetByRole(AriaRole.Article, new() { Name = "Prioritering 1: Hållbarhet i ordinarie styrning" });
        await Assertions.Expect(priority.GetByRole(AriaRole.Listitem)).ToContainTextAsync("Mål i budgetanvisningarna");
        await Assertions.Expect(priority.GetByRole(AriaRole.Listitem)).ToContainTextAsync("träff 1");
        await page.AssertAccessibleAsync("team-priorities");

        using var api = await suite.ApiAsync(OwnerEmail, EmbeddedSuite.DemoPassword);
        var stored = await api.GetFromJsonAsync<List<JsonElement>>($"/api/feedback/programmes/{EmbeddedSuite.ProgrammeId}/regions/{Sormland}/priorities", Ct);
        var result = Assert.Single(Assert.Single(stored!).GetProperty("results").EnumerateArray());
        Assert.Equal(("Mål i budgetanvisningarna", "2021-11-30"), (result.GetProperty("text").GetString(), result.GetProperty("achievedOn").GetString()));
        Assert.Equal(JsonValueKind.String, result.GetProperty("meetingId").ValueKind);

        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Our priorities");
        await Assertions.Expect(page.GetByRole(AriaRole.Article, new() { Name = "Priority 1: Hållbarhet i ordinarie styrning" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("team-priorities-en");
    }
}
