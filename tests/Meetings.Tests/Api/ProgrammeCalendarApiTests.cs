namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>The programme calendar: created from the registry's events with the defaults of seed 001, edited by administrators.</summary>
public sealed class ProgrammeCalendarApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task A_registered_programme_gets_the_defaults_of_the_peer_exchange()
    {
        var id = Guid.NewGuid();
        await App.PublishAsync(new ProgrammeRegistered(id, "Vägar till hållbar utveckling", new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), 4, App.Now));

        var calendar = await CalendarAsync(id, TestUser.Politician(Guid.NewGuid()));

        Assert.Equal("Europe/Stockholm", calendar.TimeZone);
        Assert.Equal(ProgrammeCalendar.DefaultThemes, calendar.Themes);
        Assert.Equal((6, 0.5m, 3, 4), (calendar.PlannedMeetings, calendar.PoliticianShare, calendar.RequiredAttendance, calendar.ExpectedKeyOfficials));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31)), (calendar.StartsOn, calendar.EndsOn));
    }

    [Fact]
    public async Task An_update_that_overtakes_the_registration_creates_the_calendar_and_the_older_registration_does_not_undo_it()
    {
        var id = Guid.NewGuid();
        await App.PublishAsync(new ProgrammeUpdated(id, "Nytt namn", new DateOnly(2021, 2, 1), new DateOnly(2022, 11, 30), 4, App.Now));
        await App.PublishAsync(new ProgrammeRegistered(id, "Gammalt namn", new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), 4, App.Now.AddMinutes(-10)));

        var calendar = await CalendarAsync(id, TestUser.Administrator());

        Assert.Equal(("Nytt namn", new DateOnly(2021, 2, 1)), (calendar.Name, calendar.StartsOn));
    }

    [Fact]
    public async Task An_administrator_edits_the_calendar_and_the_registry_s_updates_keep_the_edits()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var calendar = await scenario.CalendarAsync();
        var request = new ChangeCalendarRequest("Europe/Stockholm", [.. calendar.Themes, "Jämställd regional tillväxt"], 8, 0.25m, calendar.Version);

        var changed = await (await scenario.Admin.PutJsonAsync($"/api/meetings/programmes/{scenario.ProgrammeId}", request)).ReadAsync<ProgrammeCalendarResponse>();
        Assert.Equal((8, 0.25m, 2, 6), (changed.PlannedMeetings, changed.PoliticianShare, changed.RequiredAttendance, changed.Themes.Count));

        await App.PublishAsync(new ProgrammeUpdated(scenario.ProgrammeId, "Omdöpt", calendar.StartsOn, calendar.EndsOn.AddMonths(6), 4, App.Now.AddSeconds(1)));
        var after = await scenario.CalendarAsync();
        Assert.Equal(("Omdöpt", calendar.EndsOn.AddMonths(6), 8, 6), (after.Name, after.EndsOn, after.PlannedMeetings, after.Themes.Count));

        var stale = await scenario.Admin.PutJsonAsync($"/api/meetings/programmes/{scenario.ProgrammeId}", request with { PlannedMeetings = 9 });
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(scenario.Facilitator).PutJsonAsync($"/api/meetings/programmes/{scenario.ProgrammeId}", request with { Version = after.Version })).StatusCode);
        Assert.Equal(8, (await scenario.CalendarAsync()).PlannedMeetings);
    }

    [Fact]
    public async Task Calendar_changes_that_would_break_the_scheduled_meetings_are_refused()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        await scenario.ScheduleSixAsync();
        var calendar = await scenario.CalendarAsync();
        var url = $"/api/meetings/programmes/{scenario.ProgrammeId}";
        var valid = new ChangeCalendarRequest(calendar.TimeZone, [.. calendar.Themes], calendar.PlannedMeetings, calendar.PoliticianShare, calendar.Version);

        await (await scenario.Admin.PutJsonAsync(url, valid with { Themes = calendar.Themes.Skip(1).ToList() })).AssertRuleAsync("programme.theme-in-use");
        await (await scenario.Admin.PutJsonAsync(url, valid with { PlannedMeetings = 5 })).AssertRuleAsync("programme.fewer-planned-than-scheduled");
        await (await scenario.Admin.PutJsonAsync(url, valid with { TimeZone = "Mars/Olympus_Mons" })).AssertRuleAsync("programme.unknown-time-zone");
        await (await scenario.Admin.PutJsonAsync(url, valid with { Themes = [.. calendar.Themes, "extern samverkan"] })).AssertRuleAsync("programme.duplicate-theme");
        await (await scenario.Admin.PutJsonAsync(url, valid with { PlannedMeetings = 0 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(calendar.Version, (await scenario.CalendarAsync()).Version);
    }

    [Fact]
    public async Task An_unknown_programme_is_a_404()
    {
        var response = await App.ClientFor(TestUser.Administrator()).GetAsync($"/api/meetings/programmes/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<ProgrammeCalendarResponse> CalendarAsync(Guid id, TestUser user) =>
        await (await App.ClientFor(user).GetAsync($"/api/meetings/programmes/{id}", TestContext.Current.CancellationToken)).ReadAsync<ProgrammeCalendarResponse>();
}
