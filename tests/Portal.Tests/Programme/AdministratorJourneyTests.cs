namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>The administrator plans the programme in the portal, on a phone-sized screen.</summary>
public sealed class AdministratorJourneyTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_administrator_fixes_the_plan_and_publishes_it()
    {
        using var api = await suite.ApiAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var first = (await api.MeetingsAsync()).Single(m => m.GetProperty("number").GetInt32() == 1);
        var firstStart = first.GetProperty("startsAt").GetDateTimeOffset();

        var page = await browser.NewPageAsync(suite.Address, phone: true);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);

        // The overview: six draft meetings on the timeline, every theme covered.
        await page.GotoAsync("/admin/program");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Programöversikt");
        var timeline = page.Locator(".timeline > li");
        await Assertions.Expect(timeline).ToHaveCountAsync(6);
        await Assertions.Expect(timeline.Filter(new() { HasText = "Utkast" })).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator(".theme-list__missing")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync("admin-programme-overview");

        // Cancelling the only meeting on "Extern samverkan" leaves that theme uncovered.
        await timeline.Filter(new() { HasText = "Extern samverkan" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Tema")).ToHaveValueAsync("Extern samverkan");
        await page.AssertAccessibleAsync("admin-meeting-edit");
        await page.GetByLabel("Anledning").FillAsync("Lokalen är inte tillgänglig.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ställ in träffen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Träffen är inställd");

        // Publishing now breaks the rule that every theme has a meeting: the message says which.
        await page.GotoAsync("/admin/program");
        await Assertions.Expect(page.Locator(".theme-list__missing")).ToContainTextAsync("Extern samverkan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera planen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#publish-error")).ToContainTextAsync("Extern samverkan");
        await page.AssertAccessibleAsync("admin-programme-publish-refused");

        // A new meeting that ends before it starts: the rule shows under the end time, nothing typed is lost.
        await page.GetByRole(AriaRole.Link, new() { Name = "Schemalägg en ny träff" }).ClickAsync();
        var start = ProgrammeSteps.LocalInput(firstStart.AddDays(1));
        await page.GetByLabel("Tema").SelectOptionAsync("Extern samverkan");
        await page.GetByLabel("Börjar").FillAsync(start);
        await page.GetByLabel("Slutar").FillAsync(ProgrammeSteps.LocalInput(firstStart.AddDays(1).AddHours(-1)));
        await page.GetByLabel("Plats", new() { Exact = true }).FillAsync("Region Värmland, Arvika");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schemalägg träffen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#endsAt-error")).ToContainTextAsync("sluta efter");
        await Assertions.Expect(page.GetByLabel("Slutar")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Plats", new() { Exact = true })).ToHaveValueAsync("Region Värmland, Arvika");
        await Assertions.Expect(page.GetByLabel("Börjar")).ToHaveValueAsync(start);
        await Assertions.Expect(page.GetByLabel("Tema")).ToHaveValueAsync("Extern samverkan");
        await page.AssertAccessibleAsync("admin-meeting-rule-broken");

        // Corrected, the meeting is scheduled.
        await page.GetByLabel("Slutar").FillAsync(ProgrammeSteps.LocalInput(firstStart.AddDays(1).AddHours(5)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Schemalägg träffen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Träffen är sparad");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Extern samverkan");

        // Now the plan publishes: every draft becomes published, the cancelled one stays cancelled.
        await page.GotoAsync("/admin/program");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera planen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("6 träffar publicerades");
        await Assertions.Expect(timeline).ToHaveCountAsync(7);
        await Assertions.Expect(timeline.Filter(new() { HasText = "Publicerad" })).ToHaveCountAsync(6);
        await Assertions.Expect(timeline.Filter(new() { HasText = "Inställd" })).ToHaveCountAsync(1);
        // Nothing is left to publish, so the button is gone.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publicera planen" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync("admin-programme-published");
        var published = (await api.MeetingsAsync()).Count(m => m.GetProperty("status").GetString() == "Published");
        Assert.Equal(6, published);

        // The quota board lists the regions' politicians with their standing.
        await page.GotoAsync("/admin/kvot");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Politikernas deltagande");
        await page.ReloadUntilVisibleAsync(page.Locator("tbody tr"), TimeSpan.FromSeconds(30));
        await Assertions.Expect(page.Locator("tbody tr").First.Locator("td").Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("På rätt väg|I riskzonen|Kan inte nås"));
        await page.AssertAccessibleAsync("admin-quota");

        // The attendance matrix: a row per region, a column per meeting still on, nothing recorded yet.
        await page.GotoAsync("/admin/narvaro");
        await page.ReloadUntilVisibleAsync(page.Locator("tbody tr"), TimeSpan.FromSeconds(30));
        await Assertions.Expect(page.Locator("thead th")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("tbody td").First).ToHaveTextAsync("Ej registrerad");
        await page.AssertAccessibleAsync("admin-attendance");
    }

    [Fact]
    public async Task The_administrator_moves_a_meeting_to_another_venue_and_time()
    {
        using var api = await suite.ApiAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var second = (await api.MeetingsAsync()).Single(m => m.GetProperty("number").GetInt32() == 2);
        var id = second.GetProperty("id").GetGuid();
        // A day later, whole: the seeded agenda moves with it.
        var later = ProgrammeSteps.LocalInput(second.GetProperty("startsAt").GetDateTimeOffset().AddDays(1));
        var laterEnd = ProgrammeSteps.LocalInput(second.GetProperty("endsAt").GetDateTimeOffset().AddDays(1));

        var page = await browser.NewPageAsync(suite.Address, phone: true);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        await page.GotoAsync($"/admin/traffar/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Träff 2: Hållbar besöksnäring");
        await page.GetByLabel("Plats", new() { Exact = true }).FillAsync("Region Halland, Varberg");
        await page.GetByLabel("Börjar").FillAsync(later);
        await page.GetByLabel("Slutar").FillAsync(laterEnd);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringarna" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Träffen är sparad");
        await Assertions.Expect(page.GetByLabel("Plats", new() { Exact = true })).ToHaveValueAsync("Region Halland, Varberg");
        await Assertions.Expect(page.GetByLabel("Börjar")).ToHaveValueAsync(later);
        var saved = (await api.MeetingsAsync()).Single(m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal("Region Halland, Varberg", saved.GetProperty("venue").GetString());
    }

    [Fact]
    public async Task The_regions_page_shows_each_team_with_its_completeness()
    {
        var page = await browser.NewPageAsync(suite.Address, phone: true);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        await page.GotoAsync("/admin/regioner");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Regioner och team");
        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        Assert.True(await rows.CountAsync() >= 2, "The demo programme has several regions.");
        await Assertions.Expect(rows.First.Locator("td").Nth(1)).ToContainTextAsync(" av ");
        await Assertions.Expect(page.Locator(".team-card").First.Locator(".member-list li").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("admin-regions");
    }

    [Fact]
    public async Task The_documentation_and_statistics_pages_load_and_the_statistics_download_as_csv()
    {
        var page = await browser.NewPageAsync(suite.Address, phone: true);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);

        // No meeting of the demo has been held yet, so nothing awaits approval.
        await page.GotoAsync("/admin/dokumentation");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dokumentation att godkänna");
        await Assertions.Expect(page.GetByText("Ingen dokumentation väntar på godkännande.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("admin-documentation");

        await page.GotoAsync("/admin/statistik");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Statistik");
        await page.AssertAccessibleAsync("admin-statistics");

        // The file a person downloads: named for the day, and what Excel with Swedish settings reads.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner statistiken (CSV)" }).ClickAsync());
        Assert.Matches(@"^narvarostatistik-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("Träff;Datum;Dimension;Grupp;Personer;Närvarotillfällen", System.Text.Encoding.UTF8.GetString(bytes[3..]));

        var response = await page.Context.APIRequest.GetAsync("/admin/statistik.csv");
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"]);
        Assert.Contains("attachment", response.Headers["content-disposition"]);
    }

    [Fact]
    public async Task The_statistics_download_needs_a_sign_in()
    {
        var page = await browser.NewPageAsync(suite.Address);
        var response = await page.Context.APIRequest.GetAsync("/admin/statistik.csv", new() { MaxRedirects = 0 });
        Assert.Equal(302, response.Status);
        Assert.Contains("/logga-in", response.Headers["location"]);
    }

    [Fact]
    public async Task The_overview_is_in_English_after_the_switch()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        await page.GotoAsync("/admin/program");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Programme overview");
        // Whether the plan is published yet depends on the other journeys of the class; the themes are always listed.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The programme's themes" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("admin-programme-overview-en");

        // The service's rule, in English beside the field and in the summary.
        await page.GotoAsync("/admin/traffar/ny");
        await page.GetByLabel("Theme").SelectOptionAsync("Hållbara platser");
        await page.GetByLabel("Starts").FillAsync("2030-05-06T10:00");
        await page.GetByLabel("Ends").FillAsync("2030-05-06T09:00");
        await page.GetByLabel("Venue", new() { Exact = true }).FillAsync("Online");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("#endsAt-error")).ToHaveTextAsync("The meeting must end after it starts.");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The meeting must end after it starts.");
        await page.AssertAccessibleAsync("admin-meeting-rule-broken-en");
    }
}
