namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>A seeded facilitator prepares and follows up the meeting they lead, on a phone-sized screen.</summary>
public sealed class FacilitatorJourneyTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>
{
    private const string FacilitatorEmail = "charlotte.wiberg@ramboll.example";
    private static readonly Guid FacilitatorId = Guid.Parse("52ab115b-80e7-5900-ac51-05cee0be4603");

    [Fact]
    public async Task The_facilitator_writes_the_agenda_and_is_told_what_waits_for_the_meeting_to_start()
    {
        var (meetingId, day) = await MeetingLedByTheFacilitatorAsync();
        var page = await browser.NewPageAsync(suite.Address, phone: true);
        await page.SignInAsync(FacilitatorEmail, EmbeddedSuite.DemoPassword);

        // My meetings: only the one she leads, with its three tasks.
        await page.GotoAsync("/processledare/traffar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mina träffar som processledare");
        var meetings = page.Locator(".timeline > li");
        await Assertions.Expect(meetings).ToHaveCountAsync(1);
        await Assertions.Expect(meetings).ToContainTextAsync("Hållbar styrning");
        await page.AssertAccessibleAsync("facilitator-meetings");

        // The agenda: a talk, a workshop with questions and a lunch placed outside the meeting.
        await meetings.GetByRole(AriaRole.Link, new() { Name = "Dagordning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dagordning");
        await FillItemAsync(page, 0, "Talk", "Välkommen och inledning", "09:30", "15");
        await FillItemAsync(page, 1, "Workshop", "Workshop i blandade grupper", "10:00", "90");
        await page.Locator("#questions-1").FillAsync("Vad fungerar i er styrning?\nVad vill ni pröva?");
        await FillItemAsync(page, 2, "Break", "Lunch", "16:30", "60");
        await page.EvaluateAsync("() => { window.portalPageLoads = 1; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara dagordningen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#title-2-error")).ToContainTextAsync("utanför träffens tid");
        // Focus moves to the summary of what went wrong, so a keyboard user starts there.
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#start-2")).ToHaveValueAsync("16:30");
        await Assertions.Expect(page.Locator("#questions-1")).ToHaveValueAsync("Vad fungerar i er styrning?\nVad vill ni pröva?");
        await page.AssertAccessibleAsync("facilitator-agenda-rule-broken");

        await page.Locator("#start-2").FillAsync("11:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara dagordningen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dagordningen är sparad");
        await Assertions.Expect(page.Locator("#title-1")).ToHaveValueAsync("Workshop i blandade grupper");
        await Assertions.Expect(page.Locator("#kind-1")).ToHaveValueAsync("Workshop");
        await Assertions.Expect(page.Locator("#title-3")).ToHaveValueAsync("");
        await page.AssertAccessibleAsync("facilitator-agenda");
        // Both saves were posted by enhanced form handling: the page was patched, never reloaded.
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.portalPageLoads ?? 0"));
        using (var api = await suite.ApiAsync(FacilitatorEmail, EmbeddedSuite.DemoPassword))
        {
            var saved = await api.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}", TestContext.Current.CancellationToken);
            Assert.Equal(3, saved.GetProperty("agenda").GetArrayLength());
        }

        // Attendance waits for the meeting to start; the marks are kept while she reads why.
        await page.GotoAsync($"/processledare/traffar/{meetingId}/narvaro");
        var firstInvitee = page.Locator(".attendance-row").First;
        await Assertions.Expect(firstInvitee).ToBeVisibleAsync();
        await firstInvitee.GetByLabel("Närvarande").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara närvaron" }).ClickAsync();
        await Assertions.Expect(page.Locator("#attendance-error")).ToContainTextAsync("när träffen har börjat");
        await Assertions.Expect(page.Locator(".attendance-row").First.GetByLabel("Närvarande")).ToBeCheckedAsync();
        await page.AssertAccessibleAsync("facilitator-attendance");

        // The documentation lists the workshop's questions; it is written once the meeting is held.
        await page.GotoAsync($"/processledare/traffar/{meetingId}/dokumentation");
        await Assertions.Expect(page.GetByLabel("Vad vill ni pröva?")).ToBeVisibleAsync();
        await page.Locator("#point-0").FillAsync("Regionerna redovisade sitt arbete med styrning.");
        await page.Locator("#decision-0").FillAsync("Nästa träff följer upp.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara dokumentationen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#documentation-error")).ToContainTextAsync("när träffen är genomförd");
        await Assertions.Expect(page.Locator("#decision-0")).ToHaveValueAsync("Nästa träff följer upp.");
        await page.AssertAccessibleAsync("facilitator-documentation");
        _ = day;
    }

    [Fact]
    public async Task A_facilitator_who_does_not_lead_a_meeting_is_told_so_when_saving_its_agenda()
    {
        using var api = await suite.ApiAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var first = (await api.MeetingsAsync()).Single(m => m.GetProperty("number").GetInt32() == 1 && m.GetProperty("status").GetString() != "Cancelled");

        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync("martin.akesson@ramboll.example", EmbeddedSuite.DemoPassword);
        await page.GotoAsync($"/processledare/traffar/{first.GetProperty("id").GetGuid()}/dagordning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara dagordningen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Du har inte behörighet att göra detta.");
    }

    private static async Task FillItemAsync(IPage page, int row, string kind, string title, string start, string minutes)
    {
        await page.Locator($"#kind-{row}").SelectOptionAsync(kind);
        await page.Locator($"#title-{row}").FillAsync(title);
        await page.Locator($"#start-{row}").FillAsync(start);
        await page.Locator($"#duration-{row}").FillAsync(minutes);
    }

    /// <summary>
    /// Set-up the journey does not show: the demo's meetings have no facilitators, so meeting 6 is
    /// replaced (same theme, next day, 09:00–15:00 Swedish time) by one she leads, and the plan is published.
    /// </summary>
    private async Task<(Guid MeetingId, DateOnly Day)> MeetingLedByTheFacilitatorAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = await suite.ApiAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var sixth = (await api.MeetingsAsync()).Single(m => m.GetProperty("number").GetInt32() == 6 && m.GetProperty("status").GetString() != "Cancelled");
        var sixthId = sixth.GetProperty("id").GetGuid();
        var cancelled = await api.PostAsJsonAsync($"/api/meetings/{sixthId}/cancel", new { reason = "Ersätts", version = sixth.GetProperty("version").GetInt64() }, ct);
        cancelled.EnsureSuccessStatusCode();

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sixth.GetProperty("startsAt").GetDateTimeOffset(), ProgrammeSteps.Stockholm).DateTime).AddDays(1);
        DateTimeOffset At(int hour)
        {
            var local = day.ToDateTime(new TimeOnly(hour, 0));
            return new DateTimeOffset(local, ProgrammeSteps.Stockholm.GetUtcOffset(local));
        }

        var scheduled = await api.PostAsJsonAsync($"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}/meetings", new
        {
            theme = sixth.GetProperty("theme").GetString(),
            startsAt = At(9),
            endsAt = At(15),
            venue = "Region Sörmland, Nyköping",
            facilitatorIds = new[] { FacilitatorId },
        }, ct);
        Assert.True(scheduled.IsSuccessStatusCode, await scheduled.Content.ReadAsStringAsync(ct));
        var meeting = await scheduled.Content.ReadFromJsonAsync<JsonElement>(ct);

        var programme = await api.GetFromJsonAsync<JsonElement>($"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}", ct);
        var published = await api.PostAsJsonAsync($"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}/publish", new { version = programme.GetProperty("version").GetInt64() }, ct);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync(ct));
        return (meeting.GetProperty("id").GetGuid(), day);
    }
}
