namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>The politicians' quota as politicians and administrators see it, attendance, and each region's representation.</summary>
public sealed class AttendanceAndQuotaApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task A_politician_who_accepts_three_of_six_sees_the_quota_met_and_one_who_declines_four_sees_unreachable()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 2);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var keen = scenario.Teams[0].Politician;
        var busy = scenario.Teams[1].Politician;

        foreach (var meeting in meetings.Take(3))
        {
            await (await scenario.AnswerAsync(keen, meeting.Id, InvitationAnswer.Accepted)).ReadAsync<AnswerResponse>();
        }

        foreach (var meeting in meetings.Take(4))
        {
            await (await scenario.AnswerAsync(busy, meeting.Id, InvitationAnswer.Declined)).ReadAsync<AnswerResponse>();
        }

        var met = await QuotaOfAsync(scenario, keen);
        Assert.Equal((6, 3, 3, 0, true, QuotaStatus.OnTrack), (met.Meetings, met.Required, met.Accepted, met.Attended, met.Met, met.Status));
        var unreachable = await QuotaOfAsync(scenario, busy);
        Assert.Equal((3, 0, 2, false, QuotaStatus.Unreachable), (unreachable.Required, unreachable.Accepted, unreachable.StillPossible, unreachable.Met, unreachable.Status));

        var warnings = await App.WaitForPublishedAsync<PoliticianQuotaStatusChanged>(e => e.PersonId == busy.PersonId, 2);
        Assert.Equal([QuotaStatus.AtRisk, QuotaStatus.Unreachable], warnings.Select(w => w.Status));
        Assert.Equal((scenario.Teams[1].RegionId, scenario.Teams[1].RegionName, busy.Name, 3, 3), (warnings[0].RegionId, warnings[0].RegionName, warnings[0].PoliticianName, warnings[0].Required, warnings[0].StillPossible));
        Assert.DoesNotContain(App.Published<PoliticianQuotaStatusChanged>(), e => e.PersonId == keen.PersonId);
    }

    [Fact]
    public async Task Administrators_see_every_politician_and_a_team_only_its_own()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 2);
        await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var url = $"/api/meetings/programmes/{scenario.ProgrammeId}/quota";

        var all = await (await scenario.Admin.GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<List<QuotaResponse>>();
        var own = await (await App.ClientFor(scenario.Teams[1].ProjectLeader).GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<List<QuotaResponse>>();

        Assert.Equal(scenario.Teams.Select(t => t.Politician.PersonId).Order(), all.Select(q => q.PersonId).Order());
        Assert.Equal([scenario.Teams[1].Politician.PersonId], own.Select(q => q.PersonId));
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(scenario.Teams[1].ProjectLeader).GetAsync(url + "/mine", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Attendance_is_recorded_by_the_meeting_s_facilitator_after_it_started_and_counts_for_the_quota()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var team = scenario.Teams[0];
        await (await scenario.AnswerAsync(team.Politician, meetings[0].Id, InvitationAnswer.Accepted)).ReadAsync<AnswerResponse>();

        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meetings[0].Id, (team.Politician, AttendanceStatus.Present))).AssertRuleAsync("attendance.meeting-not-held");
        scenario.MoveClockInto(meetings[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.RecordAttendanceAsync(TestUser.Facilitator(), meetings[0].Id, (team.Politician, AttendanceStatus.Present))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.RecordAttendanceAsync(team.ProjectLeader, meetings[0].Id, (team.Politician, AttendanceStatus.Present))).StatusCode);
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meetings[0].Id, (TestUser.TeamMember(team.RegionId), AttendanceStatus.Present))).AssertRuleAsync("attendance.not-invited");

        var recorded = await (await scenario.RecordAttendanceAsync(
            scenario.Facilitator,
            meetings[0].Id,
            (team.Politician, AttendanceStatus.Present),
            (team.ProjectLeader, AttendanceStatus.Present),
            (team.KeyOfficials[0], AttendanceStatus.Present),
            (team.KeyOfficials[1], AttendanceStatus.Excused),
            (team.KeyOfficials[2], AttendanceStatus.Absent))).ReadAsync<AttendanceResponse>();

        Assert.Equal(MeetingStatus.Held, recorded.MeetingStatus);
        await App.WaitForPublishedAsync<MeetingHeld>(e => e.MeetingId == meetings[0].Id);
        var events = await App.WaitForPublishedAsync<AttendanceRecorded>(e => e.MeetingId == meetings[0].Id, 5);
        Assert.Contains(events, e => e.PersonId == team.Politician.PersonId && e.Status == AttendanceStatus.Present && e.RegionId == team.RegionId);
        var quota = await QuotaOfAsync(scenario, team.Politician);
        Assert.Equal((1, 1, 1, 6), (quota.Accepted, quota.Attended, quota.Secured, quota.StillPossible));
    }

    [Fact]
    public async Task Representation_shows_the_project_leader_the_key_officials_and_the_politician_per_region()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 2);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var (first, second) = (scenario.Teams[0], scenario.Teams[1]);
        await (await scenario.AnswerAsync(first.ProjectLeader, meetings[0].Id, InvitationAnswer.Accepted)).ReadAsync<AnswerResponse>();
        await (await scenario.AnswerAsync(first.KeyOfficials[0], meetings[0].Id, InvitationAnswer.Accepted)).ReadAsync<AnswerResponse>();
        var url = $"/api/meetings/{meetings[0].Id}/representation";

        var before = await (await scenario.Admin.GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<RepresentationResponse>();
        var firstBefore = before.Regions.Single(r => r.RegionId == first.RegionId);
        Assert.False(before.AttendanceTaken);
        Assert.Equal((true, 1, false, 4), (firstBefore.ProjectLeaderThere, firstBefore.KeyOfficialsThere, firstBefore.PoliticianThere, firstBefore.ExpectedKeyOfficials));
        Assert.Null(firstBefore.KeyOfficials.Present);

        scenario.MoveClockInto(meetings[0]);
        await (await scenario.RecordAttendanceAsync(
            scenario.Facilitator,
            meetings[0].Id,
            (first.ProjectLeader, AttendanceStatus.Absent),
            (first.KeyOfficials[0], AttendanceStatus.Present),
            (first.KeyOfficials[1], AttendanceStatus.Present),
            (first.Politician, AttendanceStatus.Present),
            (second.ProjectLeader, AttendanceStatus.Present))).ReadAsync<AttendanceResponse>();

        var after = await (await scenario.Admin.GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<RepresentationResponse>();
        var firstAfter = after.Regions.Single(r => r.RegionId == first.RegionId);
        var secondAfter = after.Regions.Single(r => r.RegionId == second.RegionId);
        Assert.True(after.AttendanceTaken);
        Assert.Equal((false, 2, true), (firstAfter.ProjectLeaderThere, firstAfter.KeyOfficialsThere, firstAfter.PoliticianThere));
        Assert.Equal(new Tally(4, 1, 2), firstAfter.KeyOfficials);
        Assert.Equal((true, 0, false), (secondAfter.ProjectLeaderThere, secondAfter.KeyOfficialsThere, secondAfter.PoliticianThere));

        var ownOnly = await (await App.ClientFor(second.Politician).GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<RepresentationResponse>();
        Assert.Equal([second.RegionId], ownOnly.Regions.Select(r => r.RegionId));
    }

    private async Task<QuotaResponse> QuotaOfAsync(Scenario scenario, TestUser politician) =>
        await (await App.ClientFor(politician).GetAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/quota/mine", TestContext.Current.CancellationToken)).ReadAsync<QuotaResponse>();
}
