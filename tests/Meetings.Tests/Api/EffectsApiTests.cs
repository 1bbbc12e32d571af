namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>The meetings' part of the programme's effects report, checked against a scenario whose numbers are known.</summary>
public sealed class EffectsApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_report_counts_meetings_held_per_theme_attendance_the_quota_and_actions_by_status_per_region()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 2, keyOfficials: 4);
        var (first, second) = (scenario.Teams[0], scenario.Teams[1]);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        scenario.MoveClockInto(meetings[0]);

        // Everyone but the second region's politician is present: 2 project leaders, 8 key officials, 1 politician.
        var everyone = scenario.Teams.SelectMany(t => t.Members).Select(p => (p, p == second.Politician ? AttendanceStatus.Absent : AttendanceStatus.Present)).ToArray();
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meetings[0].Id, everyone)).ReadAsync<AttendanceResponse>();
        var writer = App.ClientFor(scenario.Facilitator);
        var documentation = $"/api/meetings/{meetings[0].Id}/documentation";
        var draft = await (await writer.PutJsonAsync(documentation, new WriteDocumentationRequest(
            null, [new PointRequest("Kommunikation", "Nätverket tar fram en kommunikationsstrategi", null)], null, null, 0))).ReadAsync<DocumentationResponse>();
        var due = DateOnly.FromDateTime(App.Now.UtcDateTime).AddDays(30);
        var actions = new List<ActionResponse>();
        foreach (var request in new[]
        {
            new CreateActionRequest("Strategi", first.ProjectLeader.PersonId, null, due),
            new CreateActionRequest("Nyhetsbrev", null, first.RegionId, due),
            new CreateActionRequest("Utbildning", null, second.RegionId, due),
            new CreateActionRequest("Sammanställning", scenario.Facilitator.PersonId, null, due),
        })
        {
            actions.Add(await (await writer.PostJsonAsync($"{documentation}/points/1/actions", request)).ReadAsync<ActionResponse>());
        }

        await (await scenario.Admin.PostJsonAsync($"{documentation}/approve", new ApproveDocumentationRequest(draft.Version))).ReadAsync<DocumentationResponse>();
        var strategy = await (await writer.GetAsync($"/api/meetings/actions/{actions[0].Id}", Ct)).ReadAsync<ActionResponse>();
        await (await writer.PostJsonAsync($"/api/meetings/actions/{strategy.Id}/progress", new RecordProgressRequest(ActionStatus.Done, "Antagen", strategy.Version))).ReadAsync<ActionResponse>();

        var report = await (await scenario.Admin.GetAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/effects", Ct)).ReadAsync<MeetingsEffectsResponse>();

        Assert.Equal([first.RegionName, second.RegionName], report.Regions);
        Assert.Equal(ProgrammeCalendar.DefaultThemes.Select((theme, i) => new ThemeMeetings(theme, i == 0 ? 1 : 0)), report.MeetingsPerTheme);
        Assert.Equal(
            [new ProgrammeCell("Roll", "Politiker", null, null), new ProgrammeCell("Roll", "Projektledare", null, null), new ProgrammeCell("Roll", "Tjänsteperson med nyckelfunktion", 8, 8)],
            report.AttendanceByRole);
        Assert.Equal([new ProgrammeCell("Kön", "Ej angivet", 11, 11)], report.AttendanceByGender);
        Assert.Equal([new RegionQuota(first.RegionName, 1, 0, 1, 3), new RegionQuota(second.RegionName, 1, 0, 0, 3)], report.PoliticianQuota);
        Assert.Equal(
            [
                new ActionCount(first.RegionName, ActionStatus.Planned, 1),
                new ActionCount(first.RegionName, ActionStatus.Done, 1),
                new ActionCount(second.RegionName, ActionStatus.Planned, 1),
                new ActionCount(EffectsEndpoints.NoRegion, ActionStatus.Planned, 1),
            ],
            report.Actions);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(first.ProjectLeader).GetAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/effects", Ct)).StatusCode);
    }
}
