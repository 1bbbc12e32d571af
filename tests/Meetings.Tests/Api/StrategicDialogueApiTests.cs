namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>A strategic dialogue (seed 000): one meeting on one question, talks then a workshop, its participants invited, its approved documentation published.</summary>
public sealed class StrategicDialogueApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task A_dialogue_s_calendar_has_its_question_and_leader_one_meeting_no_themes_and_no_politicians_quota()
    {
        var dialogue = await ExchangeScenario.DialogueAsync(App);

        var calendar = await dialogue.CalendarAsync();

        Assert.Equal((ExchangeFormat.StrategicDialogue, ExchangeScenario.Question, dialogue.Leader.PersonId), (calendar.Format, calendar.Question, calendar.LeaderPersonId));
        Assert.Equal((0, 1, 0m, 0), (calendar.Themes.Count, calendar.PlannedMeetings, calendar.PoliticianShare, calendar.RequiredAttendance));
        var changed = await (await dialogue.Admin.PutJsonAsync(
            $"/api/meetings/programmes/{dialogue.ProgrammeId}",
            new ChangeCalendarRequest("Europe/Stockholm", [], 1, 0.5m, calendar.Version))).ReadAsync<ProgrammeCalendarResponse>();
        Assert.Equal((0, 1, 0m), (changed.Themes.Count, changed.PlannedMeetings, changed.PoliticianShare));
        await (await dialogue.Admin.GetAsync($"/api/meetings/programmes/{dialogue.ProgrammeId}/quota", TestContext.Current.CancellationToken))
            .AssertRuleAsync("exchange.no-politician-quota");
        await (await dialogue.Admin.GetAsync($"/api/meetings/programmes/{dialogue.ProgrammeId}/quota/mine", TestContext.Current.CancellationToken))
            .AssertRuleAsync("exchange.no-politician-quota");
    }

    [Fact]
    public async Task A_dialogue_is_one_meeting()
    {
        var dialogue = await ExchangeScenario.DialogueAsync(App);

        var meeting = await dialogue.ScheduleAsync(4);

        Assert.Equal((1, "Strategiskt samtal (test)"), (meeting.Number, meeting.Title));
        await (await dialogue.TryScheduleAsync(6)).AssertRuleAsync("dialogue.one-meeting");
    }

    [Fact]
    public async Task Publishing_needs_talks_with_a_named_speaker_and_a_workshop_and_invites_the_participants_and_the_leader()
    {
        var dialogue = await ExchangeScenario.DialogueAsync(App);
        var farmer = await dialogue.AddParticipantAsync("Johan Lantbrukare", "Holmbergs naturbete");
        var meeting = await dialogue.ScheduleAsync(4);

        await (await dialogue.TryPublishAsync()).AssertRuleAsync("dialogue.talks-and-workshop");
        await dialogue.TalksAndWorkshopAsync(meeting);
        (await dialogue.TryPublishAsync()).EnsureSuccessStatusCode();

        var invited = await dialogue.InvitationsAsync(meeting.Id);
        Assert.Equal(new[] { farmer.PersonId, dialogue.Leader.PersonId }.Order(), invited.Select(i => i.PersonId).Order());
        Assert.All(invited, i => Assert.Null(i.Role));
        Assert.Equal("Holmbergs naturbete", invited.Single(i => i.PersonId == farmer.PersonId).OrganisationName);
        Assert.Equal("Länsstyrelsen", invited.Single(i => i.PersonId == dialogue.Leader.PersonId).OrganisationName);

        var later = await dialogue.AddParticipantAsync("Eva Kommunekolog", "Växjö kommun");
        Assert.Contains(await dialogue.InvitationsAsync(meeting.Id), i => i.PersonId == later.PersonId && !i.Withdrawn);
        await App.WaitForPublishedAsync<InvitationIssued>(e => e.PersonId == later.PersonId && e.Meeting.MeetingId == meeting.Id);

        await App.PublishAsync(new ExchangeParticipantRemoved(dialogue.ProgrammeId, farmer.PersonId, App.Now));
        Assert.True((await dialogue.InvitationsAsync(meeting.Id)).Single(i => i.PersonId == farmer.PersonId).Withdrawn);
        await App.WaitForPublishedAsync<InvitationWithdrawn>(e => e.PersonId == farmer.PersonId && e.Meeting.MeetingId == meeting.Id);
        var mine = await (await App.ClientFor(later).GetAsync("/api/meetings/invitations/mine", TestContext.Current.CancellationToken)).ReadAsync<List<MyInvitationResponse>>();
        Assert.Equal([meeting.Id], mine.Select(i => i.MeetingId));
    }

    [Fact]
    public async Task Approving_a_dialogue_s_documentation_publishes_it_to_its_participants()
    {
        var dialogue = await ExchangeScenario.DialogueAsync(App);
        var participant = await dialogue.AddParticipantAsync("Eva Kommunekolog", "Växjö kommun");
        var meeting = await dialogue.TalksAndWorkshopAsync(await dialogue.ScheduleAsync(4));
        (await dialogue.TryPublishAsync()).EnsureSuccessStatusCode();
        await dialogue.HoldAsync(meeting);
        var url = ExchangeScenario.DocumentationUrl(meeting);
        var draft = await (await App.ClientFor(dialogue.Facilitator).PutJsonAsync(url, ExchangeScenario.Protocol("Fyra föredrag och en workshop", 0))).ReadAsync<DocumentationResponse>();
        Assert.Null(draft.PublishedAt);
        Assert.Equal(["Hur ökar vi ängsskötseln i länet?"], draft.WorkshopOutcomes.Select(o => o.Question));
        await (await App.ClientFor(participant).GetAsync(url, TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.NotFound);

        var approved = await (await dialogue.Admin.PostJsonAsync($"{url}/approve", new ApproveDocumentationRequest(draft.Version))).ReadAsync<DocumentationResponse>();

        Assert.Equal(approved.ApprovedAt, approved.PublishedAt);
        var read = await (await App.ClientFor(participant).GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<DocumentationResponse>();
        Assert.Equal((DocumentationStatus.Approved, approved.ApprovedAt), (read.Status, read.PublishedAt));
        Assert.Contains(read.Participants, p => p.Name == participant.Name && p.Organisation == "Växjö kommun");
        await App.WaitForPublishedAsync<MeetingDocumentationApproved>(e => e.MeetingId == meeting.Id);
    }
}
