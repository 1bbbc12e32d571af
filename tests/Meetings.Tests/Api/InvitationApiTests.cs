namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>Invitations follow the local copy of the teams, and invitees answer their own.</summary>
public sealed class InvitationApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task Someone_who_joins_later_is_invited_to_the_meetings_still_ahead_only()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        scenario.MoveClockInto(meetings[1]);

        var newcomer = TestUser.TeamMember(scenario.Teams[0].RegionId);
        await Scenario.JoinAsync(App, scenario.ProgrammeId, scenario.Teams[0], newcomer, TeamRole.KeyOfficial);

        var invited = await scenario.InvitationsOfAsync(newcomer);
        Assert.Equal(meetings.Skip(2).Select(m => m.Id).Order(), invited.Select(i => i.MeetingId).Order());
        var issued = await App.WaitForPublishedAsync<InvitationIssued>(e => e.PersonId == newcomer.PersonId, 4);
        Assert.Equal(4, issued.Count);
        Assert.All(issued, e => Assert.Equal(TeamRole.KeyOfficial, e.Role));
    }

    [Fact]
    public async Task Someone_who_leaves_has_the_invitations_ahead_withdrawn_and_keeps_the_past()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var leaver = scenario.Teams[0].KeyOfficials[0];
        scenario.MoveClockInto(meetings[0]);

        await App.PublishAsync(new TeamMemberLeft(scenario.ProgrammeId, scenario.Teams[0].RegionId, leaver.PersonId, TeamRole.KeyOfficial, App.Now));

        Assert.Equal([meetings[0].Id], (await scenario.InvitationsOfAsync(leaver)).Select(i => i.MeetingId));
        var withdrawn = await App.WaitForPublishedAsync<InvitationWithdrawn>(e => e.PersonId == leaver.PersonId, 5);
        Assert.Equal(meetings.Skip(1).Select(m => m.Id).Order(), withdrawn.Select(e => e.Meeting.MeetingId).Order());
        Assert.Equal(6, (await scenario.InvitationsOfAsync(scenario.Teams[0].KeyOfficials[1])).Count);
    }

    [Fact]
    public async Task Someone_who_comes_back_is_invited_again_with_a_new_answer_link()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var person = scenario.Teams[0].KeyOfficials[0];
        var firstToken = (await App.WaitForPublishedAsync<InvitationIssued>(e => e.PersonId == person.PersonId && e.Meeting.MeetingId == meetings[5].Id))[0].AnswerToken;
        await App.PublishAsync(new TeamMemberLeft(scenario.ProgrammeId, scenario.Teams[0].RegionId, person.PersonId, TeamRole.KeyOfficial, App.Now));
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        await Scenario.JoinAsync(App, scenario.ProgrammeId, scenario.Teams[0], person, TeamRole.KeyOfficial);

        Assert.Equal(6, (await scenario.InvitationsOfAsync(person)).Count);
        var reissued = await App.WaitForPublishedAsync<InvitationIssued>(e => e.PersonId == person.PersonId && e.Meeting.MeetingId == meetings[5].Id, 2);
        Assert.NotEqual(firstToken, reissued[1].AnswerToken);
        var oldLink = await App.ClientFor(null).PostJsonAsync("/api/meetings/invitations/answer", new OneClickAnswerRequest(firstToken, "accepted", null));
        await oldLink.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Events_out_of_order_leave_the_newest_state()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var team = scenario.Teams[0];
        var early = TestUser.TeamMember(team.RegionId);
        var late = TestUser.TeamMember(team.RegionId);

        // An update that overtook the join stands in for it.
        await App.PublishAsync(new TeamMemberUpdated(scenario.ProgrammeId, team.RegionId, team.RegionName, early.PersonId, TeamRole.KeyOfficial, early.Name, early.Email, null, "sv", null, App.Now));

        // A join that arrives after the (later) leave changes nothing.
        await App.PublishAsync(new TeamMemberLeft(scenario.ProgrammeId, team.RegionId, late.PersonId, TeamRole.KeyOfficial, App.Now));
        await App.PublishAsync(new TeamMemberJoined(scenario.ProgrammeId, team.RegionId, team.RegionName, late.PersonId, TeamRole.KeyOfficial, late.Name, late.Email, null, "sv", null, App.Now.AddMinutes(-5)));

        Assert.Equal(meetings.Count, (await scenario.InvitationsOfAsync(early)).Count);
        Assert.Empty(await scenario.InvitationsOfAsync(late));
    }

    [Fact]
    public async Task A_region_that_leaves_the_programme_has_its_invitations_ahead_withdrawn_and_is_invited_again_when_it_returns()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 2);
        await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var leaving = scenario.Teams[1];

        await App.PublishAsync(new RegionLeftProgramme(scenario.ProgrammeId, leaving.RegionId, App.Now));

        Assert.Empty(await scenario.InvitationsOfAsync(leaving.Politician));
        Assert.Equal(6, (await scenario.InvitationsOfAsync(scenario.Teams[0].Politician)).Count);
        await App.WaitForPublishedAsync<InvitationWithdrawn>(e => e.Meeting.ProgrammeId == scenario.ProgrammeId, 6 * 6);

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.PublishAsync(new RegionJoinedProgramme(scenario.ProgrammeId, leaving.RegionId, leaving.RegionName, App.Now));

        Assert.Equal(6, (await scenario.InvitationsOfAsync(leaving.Politician)).Count);
    }

    [Fact]
    public async Task An_invitee_answers_their_own_invitation_and_nobody_else_s()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var politician = scenario.Teams[0].Politician;
        var leader = scenario.Teams[0].ProjectLeader;
        var invitation = (await scenario.InvitationsOfAsync(politician)).Single(i => i.MeetingId == meetings[0].Id);

        var foreign = await App.ClientFor(leader).PutJsonAsync($"/api/meetings/invitations/{invitation.Id}/answer", new AnswerInvitationRequest(InvitationAnswer.Declined, null, invitation.Version));
        var admin = await scenario.Admin.PutJsonAsync($"/api/meetings/invitations/{invitation.Id}/answer", new AnswerInvitationRequest(InvitationAnswer.Declined, null, invitation.Version));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(InvitationAnswer.Pending, (await scenario.InvitationsOfAsync(politician)).Single(i => i.Id == invitation.Id).Answer);

        var answered = await (await scenario.AnswerAsync(politician, meetings[0].Id, InvitationAnswer.Tentative, "Beror på fullmäktige")).ReadAsync<AnswerResponse>();

        Assert.Equal(InvitationAnswer.Tentative, answered.Answer);
        var evt = (await App.WaitForPublishedAsync<InvitationAnswered>(e => e.InvitationId == invitation.Id))[0];
        Assert.Equal(("Beror på fullmäktige", politician.PersonId, InvitationAnswer.Tentative), (evt.Comment, evt.PersonId, evt.Answer));

        var stale = await App.ClientFor(politician).PutJsonAsync($"/api/meetings/invitations/{invitation.Id}/answer", new AnswerInvitationRequest(InvitationAnswer.Accepted, null, invitation.Version));
        await stale.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Answers_close_when_the_meeting_starts_or_is_cancelled()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var person = scenario.Teams[0].ProjectLeader;
        var second = await scenario.MeetingAsync(meetings[1].Id);
        await (await scenario.Admin.PostJsonAsync($"/api/meetings/{second.Id}/cancel", new CancelMeetingRequest(null, second.Version))).ReadAsync<MeetingResponse>();

        await (await scenario.AnswerAsync(person, second.Id, InvitationAnswer.Accepted)).AssertRuleAsync("invitation.meeting-cancelled");
        scenario.MoveClockInto(meetings[0]);
        await (await scenario.AnswerAsync(person, meetings[0].Id, InvitationAnswer.Accepted)).AssertRuleAsync("invitation.meeting-started");

        Assert.All(await scenario.InvitationsOfAsync(person), i => Assert.Equal(InvitationAnswer.Pending, i.Answer));
    }

    [Fact]
    public async Task The_invitation_list_of_a_meeting_is_for_administrators_and_its_own_facilitators()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var url = $"/api/meetings/{meetings[0].Id}/invitations";

        var list = await (await App.ClientFor(scenario.Facilitator).GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<List<InvitationResponse>>();
        Assert.Equal(6, list.Count);
        Assert.Contains(list, i => i.Role == TeamRole.Politician && i.Name == scenario.Teams[0].Politician.Name && i.RegionName == scenario.Teams[0].RegionName);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(TestUser.Facilitator()).GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(scenario.Teams[0].ProjectLeader).GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_team_sees_who_of_its_own_region_has_answered_a_meeting_and_nobody_elses()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 2);
        var meetings = await scenario.ScheduleSixAsync();
        var url = $"/api/meetings/{meetings[0].Id}/invitations/team";
        var own = scenario.Teams[0];
        var ct = TestContext.Current.CancellationToken;

        // A draft is not shown to teams at all.
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(own.ProjectLeader).GetAsync(url, ct)).StatusCode);

        await scenario.PublishPlanAsync();
        await (await scenario.AnswerAsync(own.KeyOfficials[0], meetings[0].Id, InvitationAnswer.Accepted, "Kommer med tåget")).ReadAsync<AnswerResponse>();
        await (await scenario.AnswerAsync(own.Politician, meetings[0].Id, InvitationAnswer.Declined)).ReadAsync<AnswerResponse>();

        var answers = await (await App.ClientFor(own.KeyOfficials[1]).GetAsync(url, ct)).ReadAsync<List<TeamAnswerResponse>>();

        Assert.Equal(own.Members.Select(m => m.PersonId).Order(), answers.Select(a => a.PersonId).Order());
        Assert.All(answers, a => Assert.Equal(own.RegionName, a.RegionName));
        Assert.Equal(InvitationAnswer.Accepted, answers.Single(a => a.PersonId == own.KeyOfficials[0].PersonId).Answer);
        Assert.Equal(own.KeyOfficials[0].Name, answers.Single(a => a.PersonId == own.KeyOfficials[0].PersonId).Name);
        Assert.Equal(InvitationAnswer.Declined, answers.Single(a => a.PersonId == own.Politician.PersonId).Answer);
        Assert.Equal(InvitationAnswer.Pending, answers.Single(a => a.PersonId == own.ProjectLeader.PersonId).Answer);

        // Politicians and facilitators do not do the team's work; nobody anonymous sees anything.
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(own.Politician).GetAsync(url, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(scenario.Facilitator).GetAsync(url, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ClientFor(null).GetAsync(url, ct)).StatusCode);
    }
}
