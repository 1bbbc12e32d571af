namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>
/// The decisions of the documentation become tracked actions (seed 004: "Effekten av verksamheten
/// ska definieras och följas upp"): decided on the draft, followed up after approval.
/// </summary>
public sealed class ActionApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Actions_are_decided_on_the_draft_and_take_effect_with_the_approval_while_the_protocol_stays_as_approved()
    {
        var (scenario, meeting, draft) = await DraftAsync();
        var team = scenario.Teams[0];
        var writer = App.ClientFor(scenario.Facilitator);
        var due = Today.AddDays(60);

        await (await writer.PostJsonAsync(PointUrl(meeting, "1"), new CreateActionRequest("Utan beslut", team.ProjectLeader.PersonId, null, due)))
            .AssertRuleAsync("actions.point-without-decision");
        await (await writer.PostJsonAsync(PointUrl(meeting, "9"), new CreateActionRequest("Ingen punkt", team.ProjectLeader.PersonId, null, due)))
            .AssertRuleAsync("actions.point-not-found");
        await (await writer.PostJsonAsync(PointUrl(meeting, "2"), new CreateActionRequest("Två ansvariga", team.ProjectLeader.PersonId, team.RegionId, due)))
            .AssertRuleAsync("actions.owner-required");
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(team.ProjectLeader).PostJsonAsync(
            PointUrl(meeting, "2"), new CreateActionRequest("Inte processledare", team.ProjectLeader.PersonId, null, due))).StatusCode);

        var strategy = await (await writer.PostJsonAsync(PointUrl(meeting, "2"),
            new CreateActionRequest("Ta fram ett utkast till kommunikationsstrategi", team.ProjectLeader.PersonId, null, due))).ReadAsync<ActionResponse>();
        var alliance = await (await writer.PostJsonAsync(PointUrl(meeting, "1.1"),
            new CreateActionRequest("Förankra kunskapsalliansen i regionledningen", null, team.RegionId, due.AddDays(30)))).ReadAsync<ActionResponse>();
        Assert.Equal((team.ProjectLeader.Name, (Guid?)team.RegionId, false, ActionStatus.Planned), (strategy.OwnerName, strategy.RegionId, strategy.Approved, strategy.Status));
        Assert.Equal((team.RegionName, DecisionActionOwnerKind.Region), (alliance.OwnerName, alliance.OwnerKind));
        await (await App.ClientFor(team.ProjectLeader).PostJsonAsync($"/api/meetings/actions/{strategy.Id}/progress", new RecordProgressRequest(ActionStatus.InProgress, "Påbörjat", strategy.Version)))
            .AssertRuleAsync("actions.not-approved");
        Assert.Empty(await (await App.ClientFor(team.ProjectLeader).GetAsync(MeetingActionsUrl(meeting), Ct)).ReadAsync<List<ActionResponse>>());

        var approved = await (await scenario.Admin.PostJsonAsync($"{DocumentationUrl(meeting)}/approve", new ApproveDocumentationRequest(draft.Version))).ReadAsync<DocumentationResponse>();

        var actions = await (await App.ClientFor(team.ProjectLeader).GetAsync(MeetingActionsUrl(meeting), Ct)).ReadAsync<List<ActionResponse>>();
        Assert.Equal(["1.1", "2"], actions.Select(a => a.PointNumber));
        Assert.All(actions, a => Assert.Equal((true, approved.RegistryNumber), (a.Approved, a.RegistryNumber)));
        Assert.Equal(["Punkten antogs", "Nätverket tar fram en kommunikationsstrategi"], actions.Select(a => a.Decision));
        await (await writer.PostJsonAsync(PointUrl(meeting, "2"), new CreateActionRequest("För sent", team.ProjectLeader.PersonId, null, due)))
            .AssertRuleAsync("actions.documentation-approved");
        await (await writer.PutJsonAsync($"/api/meetings/actions/{strategy.Id}", new ChangeActionRequest("Ändrad", team.ProjectLeader.PersonId, null, due, actions[1].Version)))
            .AssertRuleAsync("actions.documentation-approved");

        var progress = await (await App.ClientFor(team.ProjectLeader).PostJsonAsync(
            $"/api/meetings/actions/{strategy.Id}/progress", new RecordProgressRequest(ActionStatus.InProgress, "Arbetsgruppen har börjat", actions[1].Version))).ReadAsync<ActionResponse>();
        Assert.Equal(ActionStatus.InProgress, progress.Status);
        var protocol = await (await writer.GetAsync(DocumentationUrl(meeting), Ct)).ReadAsync<DocumentationResponse>();
        Assert.Equal((approved.Version, DocumentationStatus.Approved), (protocol.Version, protocol.Status));
        Assert.Equal(approved.Points.Select(p => (p.Number, p.Text, p.Decision)), protocol.Points.Select(p => (p.Number, p.Text, p.Decision)));
    }

    [Fact]
    public async Task An_approval_is_refused_while_an_action_points_at_a_decision_the_draft_no_longer_has()
    {
        var (scenario, meeting, draft) = await DraftAsync();
        var team = scenario.Teams[0];
        var writer = App.ClientFor(scenario.Facilitator);
        await (await writer.PostJsonAsync(PointUrl(meeting, "2"), new CreateActionRequest("Strategi", team.ProjectLeader.PersonId, null, Today.AddDays(30)))).ReadAsync<ActionResponse>();
        var withoutDecision = await (await writer.PutJsonAsync(DocumentationUrl(meeting), new WriteDocumentationRequest(
            null, [new PointRequest("Inledning", null, null), new PointRequest("Kommunikation", null, null)], null, null, draft.Version))).ReadAsync<DocumentationResponse>();

        var approval = await scenario.Admin.PostJsonAsync($"{DocumentationUrl(meeting)}/approve", new ApproveDocumentationRequest(withoutDecision.Version));

        await approval.AssertRuleAsync("actions.point-without-decision");
        var current = await (await writer.GetAsync(DocumentationUrl(meeting), Ct)).ReadAsync<DocumentationResponse>();
        Assert.Equal((DocumentationStatus.Draft, withoutDecision.Version), (current.Status, current.Version));
        Assert.DoesNotContain(App.Published<MeetingDocumentationApproved>(), e => e.MeetingId == meeting.Id);
    }

    [Fact]
    public async Task Owners_report_progress_with_a_history_and_dropping_an_action_needs_a_reason()
    {
        var (scenario, meeting, _) = await DraftAsync();
        var team = scenario.Teams[0];
        var writer = App.ClientFor(scenario.Facilitator);
        var regional = await (await writer.PostJsonAsync(PointUrl(meeting, "1.1"), new CreateActionRequest("Förankra", null, team.RegionId, Today.AddDays(30)))).ReadAsync<ActionResponse>();
        await ApproveAsync(scenario, meeting);
        var url = $"/api/meetings/actions/{regional.Id}/progress";
        var version = (await GetActionAsync(scenario.Administrator, regional.Id)).Version;

        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(TestUser.TeamMember(Guid.NewGuid())).PostJsonAsync(url, new RecordProgressRequest(ActionStatus.Done, null, version))).StatusCode);
        var started = await (await App.ClientFor(team.KeyOfficials[0]).PostJsonAsync(url, new RecordProgressRequest(ActionStatus.InProgress, "Tas upp i regionledningen i mars", version))).ReadAsync<ActionResponse>();
        Assert.Equal(HttpStatusCode.Conflict, (await App.ClientFor(team.ProjectLeader).PostJsonAsync(url, new RecordProgressRequest(ActionStatus.Done, null, version))).StatusCode);
        await (await App.ClientFor(team.ProjectLeader).PostJsonAsync(url, new RecordProgressRequest(ActionStatus.Dropped, " ", started.Version))).AssertRuleAsync("actions.drop-reason-required");
        var dropped = await (await App.ClientFor(team.ProjectLeader).PostJsonAsync(url, new RecordProgressRequest(ActionStatus.Dropped, "Ersätts av den gemensamma utbildningen", started.Version))).ReadAsync<ActionResponse>();
        await (await App.ClientFor(team.ProjectLeader).PostJsonAsync(url, new RecordProgressRequest(ActionStatus.InProgress, "Igen", dropped.Version))).AssertRuleAsync("actions.closed");

        var stored = await GetActionAsync(team.Politician, regional.Id);
        Assert.Equal((ActionStatus.Dropped, "Ersätts av den gemensamma utbildningen"), (stored.Status, stored.DroppedReason));
        Assert.Equal(
            [(ActionStatus.InProgress, "Tas upp i regionledningen i mars", team.KeyOfficials[0].Name), (ActionStatus.Dropped, "Ersätts av den gemensamma utbildningen", team.ProjectLeader.Name)],
            stored.Notes.Select(n => (n.Status, n.Text, n.ByName)));
    }

    [Fact]
    public async Task Owners_see_their_open_actions_and_leaders_filter_the_programmes_actions_by_region_theme_owner_status_and_overdue()
    {
        var (scenario, meeting, _) = await DraftAsync(regions: 2);
        var (first, second) = (scenario.Teams[0], scenario.Teams[1]);
        var writer = App.ClientFor(scenario.Facilitator);
        var soon = await CreateAsync(writer, meeting, "2", new CreateActionRequest("Kommunikationsstrategi", first.ProjectLeader.PersonId, null, Today.AddDays(10)));
        var later = await CreateAsync(writer, meeting, "2", new CreateActionRequest("Nyhetsbrev", null, second.RegionId, Today.AddDays(90)));
        var regional = await CreateAsync(writer, meeting, "1.1", new CreateActionRequest("Förankra", null, first.RegionId, Today.AddDays(90)));
        Assert.Empty(await MineAsync(first.ProjectLeader));
        await ApproveAsync(scenario, meeting);

        Assert.Equal([soon.Id, regional.Id], (await MineAsync(first.ProjectLeader)).Select(a => a.Id));
        Assert.Equal([regional.Id], (await MineAsync(first.KeyOfficials[0])).Select(a => a.Id));
        Assert.Equal([later.Id], (await MineAsync(second.Politician)).Select(a => a.Id));

        App.Clock.Advance(TimeSpan.FromDays(20));
        var all = await ProgrammeActionsAsync(scenario, "");
        Assert.Equal([soon.Id, regional.Id, later.Id], all.Select(a => a.Id));
        Assert.Equal([soon.Id], (await ProgrammeActionsAsync(scenario, "?overdue=true")).Select(a => a.Id));
        Assert.True((await MineAsync(first.ProjectLeader))[0].Overdue);
        Assert.Equal([soon.Id, regional.Id], (await ProgrammeActionsAsync(scenario, $"?regionId={first.RegionId}")).Select(a => a.Id));
        Assert.Equal([later.Id], (await ProgrammeActionsAsync(scenario, $"?ownerId={second.RegionId}")).Select(a => a.Id));
        Assert.Equal(3, (await ProgrammeActionsAsync(scenario, $"?theme={Uri.EscapeDataString(meeting.Theme)}")).Count);
        Assert.Empty(await ProgrammeActionsAsync(scenario, "?theme=Annat%20tema"));

        var version = (await GetActionAsync(first.ProjectLeader, soon.Id)).Version;
        await (await App.ClientFor(first.ProjectLeader).PostJsonAsync($"/api/meetings/actions/{soon.Id}/progress", new RecordProgressRequest(ActionStatus.Done, "Antagen", version))).ReadAsync<ActionResponse>();
        Assert.Equal([regional.Id], (await MineAsync(first.ProjectLeader)).Select(a => a.Id));
        Assert.Equal([soon.Id], (await ProgrammeActionsAsync(scenario, "?status=Done")).Select(a => a.Id));
        Assert.Empty(await ProgrammeActionsAsync(scenario, "?overdue=true"));
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(first.ProjectLeader).GetAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/actions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(second.ProjectLeader).GetAsync($"/api/meetings/actions/{soon.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_action_without_what_or_due_date_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var (scenario, meeting, _) = await DraftAsync();
        var writer = App.ClientFor(scenario.Facilitator);

        var noWhat = await writer.PostJsonAsync(PointUrl(meeting, "2"), new { What = "", OwnerPersonId = scenario.Teams[0].ProjectLeader.PersonId, DueOn = Today.AddDays(5) });
        var noDue = await writer.PostJsonAsync(PointUrl(meeting, "2"), new { What = "Strategi", OwnerPersonId = scenario.Teams[0].ProjectLeader.PersonId });

        Assert.True((await noWhat.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("What", out _));
        Assert.True((await noDue.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("DueOn", out _));
        Assert.Empty(await (await writer.GetAsync(MeetingActionsUrl(meeting), Ct)).ReadAsync<List<ActionResponse>>());
    }

    private DateOnly Today => DateOnly.FromDateTime(App.Now.UtcDateTime);

    private static string DocumentationUrl(MeetingResponse meeting) => $"/api/meetings/{meeting.Id}/documentation";

    private static string PointUrl(MeetingResponse meeting, string number) => $"/api/meetings/{meeting.Id}/documentation/points/{number}/actions";

    private static string MeetingActionsUrl(MeetingResponse meeting) => $"/api/meetings/{meeting.Id}/documentation/actions";

    private static async Task<ActionResponse> CreateAsync(HttpClient writer, MeetingResponse meeting, string point, CreateActionRequest request) =>
        await (await writer.PostJsonAsync(PointUrl(meeting, point), request)).ReadAsync<ActionResponse>();

    private async Task<ActionResponse> GetActionAsync(TestUser user, Guid actionId) =>
        await (await App.ClientFor(user).GetAsync($"/api/meetings/actions/{actionId}", Ct)).ReadAsync<ActionResponse>();

    private async Task<List<ActionResponse>> MineAsync(TestUser user) =>
        await (await App.ClientFor(user).GetAsync("/api/meetings/actions/mine", Ct)).ReadAsync<List<ActionResponse>>();

    private static async Task<List<ActionResponse>> ProgrammeActionsAsync(Scenario scenario, string query) =>
        await (await scenario.Admin.GetAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/actions{query}", Ct)).ReadAsync<List<ActionResponse>>();

    private static async Task ApproveAsync(Scenario scenario, MeetingResponse meeting)
    {
        var current = await (await scenario.Admin.GetAsync(DocumentationUrl(meeting), Ct)).ReadAsync<DocumentationResponse>();
        await (await scenario.Admin.PostJsonAsync($"{DocumentationUrl(meeting)}/approve", new ApproveDocumentationRequest(current.Version))).ReadAsync<DocumentationResponse>();
    }

    /// <summary>A held meeting whose documentation draft has a point without a decision (1), two with (1.1 and 2).</summary>
    private async Task<(Scenario Scenario, MeetingResponse Meeting, DocumentationResponse Draft)> DraftAsync(int regions = 1)
    {
        var scenario = await Scenario.CreateAsync(App, regions: regions, keyOfficials: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        scenario.MoveClockInto(meetings[0]);
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meetings[0].Id, (scenario.Teams[0].ProjectLeader, AttendanceStatus.Present))).ReadAsync<AttendanceResponse>();
        var draft = await (await App.ClientFor(scenario.Facilitator).PutJsonAsync(DocumentationUrl(meetings[0]), new WriteDocumentationRequest(
            "Nätverksträff 1",
            [
                new PointRequest("Nätverkets organisation", null, [new PointRequest("Syftet: kunskapsallians", "Punkten antogs", null)]),
                new PointRequest("Kommunikation och verksamhet", "Nätverket tar fram en kommunikationsstrategi", null),
            ],
            null,
            null,
            0))).ReadAsync<DocumentationResponse>();
        return (scenario, meetings[0], draft);
    }
}
