namespace KollegialtUtbyte.Portal.Tests.Team;

/// <summary>A politician on a phone answers the invitations and sees the quota follow.</summary>
public sealed class PoliticianJourneyTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>
{
    [Fact]
    public async Task A_politician_accepts_a_meeting_on_a_phone_and_the_quota_moves()
    {
        await TeamSteps.PublishDemoProgrammeAsync(suite, TeamSteps.SormlandPolitician);
        var page = await browser.NewPageAsync(suite.Address, phone: true);
        await TeamSteps.SignInAsync(page, TeamSteps.SormlandPolitician);

        await page.GetByRole(AriaRole.Link, new() { Name = "Mina träffar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina träffar", Level = 1 })).ToBeVisibleAsync();
        var quota = page.GetByTestId("quota");
        await Assertions.Expect(quota).ToContainTextAsync(new Regex(@"0 av \d+ krävda"));
        var required = Regex.Match(await quota.InnerTextAsync(), @"0 av (\d+) krävda").Groups[1].Value;
        await Assertions.Expect(page.GetByTestId("invitation")).ToHaveCountAsync(6);
        await page.AssertAccessibleAsync("team-my-meetings-phone");

        var first = page.GetByTestId("invitation").First;
        await Assertions.Expect(first.GetByTestId("answer")).ToHaveTextAsync("Inte svarat");
        await first.GetByLabel("Kommentar (valfri)").FillAsync("Jag kommer med tåget.");
        await page.EvaluateAsync("() => { window.portalPageLoads = 1; }");
        await first.GetByRole(AriaRole.Button, new() { Name = "Tacka ja" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ditt svar är sparat.");
        // Enhanced form handling: the answer was posted and the page patched in place, not reloaded.
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.portalPageLoads ?? 0"));
        await Assertions.Expect(quota).ToContainTextAsync($"1 av {required} krävda");
        first = page.GetByTestId("invitation").First;
        await Assertions.Expect(first.GetByTestId("answer")).ToHaveTextAsync("Kommer");
        await Assertions.Expect(first.GetByLabel("Kommentar (valfri)")).ToHaveValueAsync("Jag kommer med tåget.");

        // Declining again takes the meeting back out of the quota.
        await first.GetByRole(AriaRole.Button, new() { Name = "Tacka nej" }).ClickAsync();
        await Assertions.Expect(quota).ToContainTextAsync($"0 av {required} krävda");
        await Assertions.Expect(page.GetByTestId("invitation").First.GetByTestId("answer")).ToHaveTextAsync("Kommer inte");

        // The personal calendar feed: created on request, and it serves the published meetings.
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa kalenderlänk" }).ClickAsync();
        var url = await page.GetByLabel("Din personliga kalenderlänk").InputValueAsync();
        Assert.Matches(@"/api/meetings/calendar/feeds/.+\.ics$", url);
        await page.AssertAccessibleAsync("team-my-meetings-calendar");
        var feed = await page.APIRequest.GetAsync(url);
        Assert.Equal(200, feed.Status);
        Assert.Contains("BEGIN:VEVENT", await feed.TextAsync());
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.portalPageLoads ?? 0"));
    }

    [Fact]
    public async Task A_politician_accepts_a_meeting_with_the_keyboard_only()
    {
        await TeamSteps.PublishDemoProgrammeAsync(suite, TeamSteps.VarmlandPolitician);
        var page = await browser.NewPageAsync(suite.Address, phone: true);
        await TeamSteps.SignInAsync(page, TeamSteps.VarmlandPolitician, returnUrl: "/mina-traffar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina träffar", Level = 1 })).ToBeVisibleAsync();
        var quota = page.GetByTestId("quota");
        await Assertions.Expect(quota).ToContainTextAsync(new Regex(@"0 av \d+ krävda"));
        var required = Regex.Match(await quota.InnerTextAsync(), @"0 av (\d+) krävda").Groups[1].Value;

        // Tab from the top of the page until the first meeting's accept button has focus, then press Enter.
        var accept = page.GetByTestId("invitation").First.GetByRole(AriaRole.Button, new() { Name = "Tacka ja" });
        await page.Keyboard.PressAsync("Tab");
        var reached = false;
        for (var i = 0; i < 40 && !reached; i++)
        {
            reached = await accept.EvaluateAsync<bool>("b => b === document.activeElement");
            if (!reached)
            {
                await page.Keyboard.PressAsync("Tab");
            }
        }

        Assert.True(reached, "The accept button is reachable with Tab.");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ditt svar är sparat.");
        await Assertions.Expect(quota).ToContainTextAsync($"1 av {required} krävda");
        await Assertions.Expect(page.GetByTestId("invitation").First.GetByTestId("answer")).ToHaveTextAsync("Kommer");

        // Space works on the buttons as well: the second meeting, tentatively.
        var maybe = page.GetByTestId("invitation").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Kanske" });
        await maybe.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByTestId("invitation").Nth(1).GetByTestId("answer")).ToHaveTextAsync("Kanske");
        await page.AssertAccessibleAsync("team-my-meetings-keyboard");

        // The same page in English.
        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My meetings", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(quota).ToContainTextAsync($"1 of {required} required");
        await Assertions.Expect(page.GetByTestId("invitation").First.GetByTestId("answer")).ToHaveTextAsync("Attending");
        await page.AssertAccessibleAsync("team-my-meetings-english");
    }
}
