namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>Documentation in the protocol shape of seed 004: written by the facilitators, approved by an administrator, then immutable.</summary>
public sealed class DocumentationApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task Documentation_once_approved_cannot_be_edited_and_a_correction_is_a_new_revision_that_keeps_the_old()
    {
        var (scenario, meeting) = await HeldMeetingAsync();
        var writer = App.ClientFor(scenario.Facilitator);
        var draft = await (await writer.PutJsonAsync(Url(meeting), Protocol("Organisationen beslutades enligt förslaget", 0))).ReadAsync<DocumentationResponse>();
        var approved = await (await scenario.Admin.PostJsonAsync($"{Url(meeting)}/approve", new ApproveDocumentationRequest(draft.Version))).ReadAsync<DocumentationResponse>();

        var edit = await writer.PutJsonAsync(Url(meeting), Protocol("Ändrat i efterhand", approved.Version));

        await edit.AssertRuleAsync("documentation.approved-is-immutable");
        var current = await (await writer.GetAsync(Url(meeting), TestContext.Current.CancellationToken)).ReadAsync<DocumentationResponse>();
        Assert.Equal("Organisationen beslutades enligt förslaget", current.Points[0].Text);
        Assert.Equal(approved.Version, current.Version);

        var correction = await (await writer.PostJsonAsync($"{Url(meeting)}/corrections", new CorrectDocumentationRequest("Fel stavning i punkt 1"))).ReadAsync<DocumentationResponse>();
        Assert.Equal((2, DocumentationStatus.Draft, "Organisationen beslutades enligt förslaget"), (correction.Revision, correction.Status, correction.Points[0].Text));
        var corrected = await (await writer.PutJsonAsync(Url(meeting), Protocol("Organisationen beslutades enligt förslaget (rättad)", correction.Version))).ReadAsync<DocumentationResponse>();
        var reapproved = await (await scenario.Admin.PostJsonAsync($"{Url(meeting)}/approve", new ApproveDocumentationRequest(corrected.Version))).ReadAsync<DocumentationResponse>();

        Assert.NotEqual(approved.RegistryNumber, reapproved.RegistryNumber);
        var revisions = await (await App.ClientFor(scenario.Teams[0].ProjectLeader).GetAsync($"{Url(meeting)}/revisions", TestContext.Current.CancellationToken)).ReadAsync<List<DocumentationResponse>>();
        Assert.Equal([1, 2], revisions.Select(r => r.Revision));
        Assert.Equal("Organisationen beslutades enligt förslaget", revisions[0].Points[0].Text);
        Assert.Equal(approved.ApprovedAt, revisions[0].ApprovedAt);
        Assert.Equal("Fel stavning i punkt 1", revisions[1].CorrectionReason);
        var events = await App.WaitForPublishedAsync<MeetingDocumentationApproved>(e => e.MeetingId == meeting.Id, 2);
        Assert.Equal([1, 2], events.Select(e => e.Version));
    }

    [Fact]
    public async Task Approval_names_the_administrator_timestamps_numbers_and_lists_the_participants_from_attendance()
    {
        var (scenario, meeting) = await HeldMeetingAsync();
        var draft = await (await App.ClientFor(scenario.Facilitator).PutJsonAsync(Url(meeting), Protocol("Kunskapsallians", 0))).ReadAsync<DocumentationResponse>();
        Assert.Equal(["1", "1.1", "1.2", "2"], draft.Points.Select(p => p.Number));
        Assert.Equal("Punkten antogs", draft.Points[1].Decision);

        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(scenario.Facilitator).PostJsonAsync($"{Url(meeting)}/approve", new ApproveDocumentationRequest(draft.Version))).StatusCode);
        var approver = scenario.Administrator with { Name = "Johanna Administratör" };
        var approved = await (await App.ClientFor(approver).PostJsonAsync($"{Url(meeting)}/approve", new ApproveDocumentationRequest(draft.Version))).ReadAsync<DocumentationResponse>();

        Assert.Equal(DocumentationStatus.Approved, approved.Status);
        Assert.Equal("Johanna Administratör", approved.ApprovedBy);
        Assert.Equal(App.Now, approved.ApprovedAt);
        Assert.Matches(@"^KU-\d{4}-\d{3}$", approved.RegistryNumber);
        var team = scenario.Teams[0];
        Assert.Equal(new[] { team.Politician.Name, team.ProjectLeader.Name }.Order(), approved.Participants.Select(p => p.Name).Order());
        Assert.All(approved.Participants, p => Assert.Equal(team.RegionName, p.Organisation));
        Assert.Contains(approved.Participants, p => p.Role == "Politiker");
        Assert.Equal(MeetingStatus.Documented, (await scenario.MeetingAsync(meeting.Id)).Status);
        var evt = (await App.WaitForPublishedAsync<MeetingDocumentationApproved>(e => e.MeetingId == meeting.Id))[0];
        Assert.Equal((approved.RegistryNumber, approver.PersonId, "Johanna Administratör", 1), (evt.RegistryNumber, evt.ApprovedByPersonId, evt.ApprovedByName, evt.Version));
    }

    [Fact]
    public async Task Registry_numbers_are_unique_within_the_programme()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var numbers = new List<string?>();
        foreach (var meeting in meetings.Take(2))
        {
            scenario.MoveClockInto(meeting);
            await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meeting.Id, (scenario.Teams[0].Politician, AttendanceStatus.Present))).ReadAsync<AttendanceResponse>();
            var draft = await (await App.ClientFor(scenario.Facilitator).PutJsonAsync(Url(meeting), Protocol("Beslut", 0))).ReadAsync<DocumentationResponse>();
            numbers.Add((await (await scenario.Admin.PostJsonAsync($"{Url(meeting)}/approve", new ApproveDocumentationRequest(draft.Version))).ReadAsync<DocumentationResponse>()).RegistryNumber);
        }

        Assert.Equal(2, numbers.Distinct().Count());
        Assert.EndsWith("-001", numbers[0]);
        Assert.EndsWith("-002", numbers[1]);
    }

    [Fact]
    public async Task The_first_draft_lists_the_workshop_questions_of_the_agenda()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        var meeting = meetings[0];
        var agenda = new ChangeAgendaRequest(
            [new AgendaItemRequest(AgendaItemKind.Workshop, "Workshop", "Processledarna", meeting.StartsAt.AddHours(1), 60, ["Hur fortsätter vi?", "Hur får vi med politiken?"])],
            meeting.Version);
        await (await App.ClientFor(scenario.Facilitator).PutJsonAsync($"/api/meetings/{meeting.Id}/agenda", agenda)).ReadAsync<MeetingResponse>();
        await scenario.PublishPlanAsync();
        scenario.MoveClockInto(meeting);
        var held = await scenario.MeetingAsync(meeting.Id);
        await (await App.ClientFor(scenario.Facilitator).PostJsonAsync($"/api/meetings/{meeting.Id}/held", new MeetingVersionRequest(held.Version))).ReadAsync<MeetingResponse>();

        var draft = await (await App.ClientFor(scenario.Facilitator).PutJsonAsync(Url(meeting), new WriteDocumentationRequest(null, [new PointRequest("Inledning", null, null)], null, null, 0))).ReadAsync<DocumentationResponse>();

        Assert.Equal(["Hur fortsätter vi?", "Hur får vi med politiken?"], draft.WorkshopOutcomes.Select(o => o.Question));
    }

    [Fact]
    public async Task Documentation_is_written_after_the_meeting_by_its_own_facilitators_and_drafts_are_theirs_to_read()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var meeting = meetings[0];

        await (await App.ClientFor(scenario.Facilitator).PutJsonAsync(Url(meeting), Protocol("För tidigt", 0))).AssertRuleAsync("documentation.meeting-not-held");
        scenario.MoveClockInto(meeting);
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meeting.Id, (scenario.Teams[0].Politician, AttendanceStatus.Present))).ReadAsync<AttendanceResponse>();
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(TestUser.Facilitator()).PutJsonAsync(Url(meeting), Protocol("Annan processledare", 0))).StatusCode);
        await (await App.ClientFor(scenario.Facilitator).PutJsonAsync(Url(meeting), Protocol("Utkast", 0))).ReadAsync<DocumentationResponse>();

        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(scenario.Teams[0].Politician).GetAsync(Url(meeting), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal("Utkast", (await (await scenario.Admin.GetAsync(Url(meeting), TestContext.Current.CancellationToken)).ReadAsync<DocumentationResponse>()).Points[0].Text);
        await (await App.ClientFor(scenario.Facilitator).PutJsonAsync(Url(meeting), Protocol("Utan version", 0))).AssertRuleAsync("documentation.already-started");
        await (await App.ClientFor(scenario.Facilitator).PostJsonAsync($"{Url(meeting)}/corrections", new CorrectDocumentationRequest("Inget att rätta"))).AssertRuleAsync("documentation.draft-exists");
    }

    private static string Url(MeetingResponse meeting) => $"/api/meetings/{meeting.Id}/documentation";

    private static WriteDocumentationRequest Protocol(string firstPoint, long version) => new(
        "Protokollet innehåller beslutspunkterna från mötet.",
        [
            new PointRequest(firstPoint, null, [new PointRequest("Syftet: kunskapsallians", "Punkten antogs", null), new PointRequest("Inriktningar", null, null)]),
            new PointRequest("Kommunikation och verksamhet", "Nätverket tar fram en kommunikationsstrategi", null),
        ],
        [new WorkshopOutcomeRequest("Hur fortsätter vi?", "Med en gemensam utbildning.")],
        [new AttachmentRequest("Organisationsbeskrivning", "https://dokument.example/organisation.pdf")],
        version);

    /// <summary>A meeting that took place with the first region's politician and project leader present.</summary>
    private async Task<(Scenario Scenario, MeetingResponse Meeting)> HeldMeetingAsync()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        scenario.MoveClockInto(meetings[0]);
        var team = scenario.Teams[0];
        await (await scenario.RecordAttendanceAsync(
            scenario.Facilitator,
            meetings[0].Id,
            (team.Politician, AttendanceStatus.Present),
            (team.ProjectLeader, AttendanceStatus.Present),
            (team.KeyOfficials[0], AttendanceStatus.Absent))).ReadAsync<AttendanceResponse>();
        return (scenario, meetings[0]);
    }
}
