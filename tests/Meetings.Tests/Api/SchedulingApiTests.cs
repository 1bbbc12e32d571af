using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>Scheduling and publishing the plan through the API, each rule answered with a 422 naming it.</summary>
public sealed class SchedulingApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task An_administrator_schedules_six_meetings_over_the_five_themes_publishes_them_and_every_team_member_is_invited()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 6);

        var meetings = await scenario.ScheduleSixAsync();
        Assert.All(meetings, m => Assert.Equal(MeetingStatus.Draft, m.Status));
        Assert.Equal([1, 2, 3, 4, 5, 6], meetings.Select(m => m.Number));
        var published = await scenario.PublishPlanAsync();

        Assert.Equal(meetings.Select(m => m.Id).Order(), published.PublishedMeetingIds.Order());
        Assert.Equal(36, scenario.PeopleInvited);
        Assert.Equal(6 * 36, published.InvitationsIssued);
        foreach (var meeting in meetings)
        {
            Assert.Equal(MeetingStatus.Published, (await scenario.MeetingAsync(meeting.Id)).Status);
        }

        foreach (var person in scenario.Teams.SelectMany(t => t.Members))
        {
            var invitations = await scenario.InvitationsOfAsync(person);
            Assert.Equal(meetings.Select(m => m.Id).Order(), invitations.Select(i => i.MeetingId).Order());
            Assert.All(invitations, i => Assert.Equal(InvitationAnswer.Pending, i.Answer));
        }

        var issued = await App.WaitForPublishedAsync<InvitationIssued>(e => e.Meeting.ProgrammeId == scenario.ProgrammeId, 6 * 36);
        Assert.All(issued, e => Assert.True(e.AnswerToken.Length >= 43 && e.AnswerTokenExpiresAt == e.Meeting.StartsAt));
        Assert.Equal(issued.Count, issued.Select(e => e.AnswerToken).Distinct().Count());
        var politicianInvitation = issued.First(e => e.PersonId == scenario.Teams[0].Politician.PersonId);
        Assert.Equal(TeamRole.Politician, politicianInvitation.Role);
        Assert.Equal(scenario.Teams[0].RegionId, politicianInvitation.RegionId);
        Assert.Equal("Europe/Stockholm", politicianInvitation.Meeting.TimeZone);

        var plan = await App.WaitForPublishedAsync<MeetingPlanPublished>(e => e.ProgrammeId == scenario.ProgrammeId);
        Assert.Equal(6, plan[0].MeetingIds.Count);
        await App.WaitForPublishedAsync<MeetingScheduled>(e => e.Meeting.ProgrammeId == scenario.ProgrammeId, 6);
    }

    [Fact]
    public async Task Only_the_raw_token_s_hash_is_stored()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();

        var issued = await App.WaitForPublishedAsync<InvitationIssued>(e => e.Meeting.ProgrammeId == scenario.ProgrammeId, 36);
        var stored = await App.QueryAsync(db => db.Invitations.Where(i => i.ProgrammeId == scenario.ProgrammeId).Select(i => i.AnswerTokenHash).ToListAsync());
        Assert.All(issued, e => Assert.DoesNotContain(e.AnswerToken, stored));
        Assert.All(issued, e => Assert.Contains(SecretToken.Hash(e.AnswerToken), stored));
    }

    [Fact]
    public async Task Publishing_requires_every_theme_to_be_covered_and_changes_nothing_otherwise()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var first = await scenario.ScheduleAsync(2, "Extern samverkan");
        await scenario.ScheduleAsync(4, "Hållbar styrning");

        var response = await scenario.TryPublishPlanAsync();

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("plan.theme-not-covered", problem.GetProperty("rule").GetString());
        Assert.Contains("Hållbar besöksnäring", problem.GetProperty("detail").GetString());
        Assert.Equal(MeetingStatus.Draft, (await scenario.MeetingAsync(first.Id)).Status);
        Assert.Empty(await scenario.InvitationsOfAsync(scenario.Teams[0].Politician));
    }

    [Fact]
    public async Task A_meeting_outside_the_programme_period_is_refused()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var calendar = await scenario.CalendarAsync();
        var late = calendar.EndsOn.AddDays(1).ToDateTime(new TimeOnly(9, 0));
        var request = scenario.Plan(1, "Extern samverkan") with { StartsAt = new DateTimeOffset(late, TimeSpan.FromHours(1)), EndsAt = new DateTimeOffset(late.AddHours(6), TimeSpan.FromHours(1)) };

        await (await scenario.TryScheduleAsync(request)).AssertRuleAsync("meeting.outside-programme-period");
        await AssertNoMeetingsAsync(scenario);
    }

    [Fact]
    public async Task A_meeting_overlapping_another_of_the_programme_is_refused()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        await scenario.ScheduleAsync(3, "Extern samverkan");
        var (starts, _) = scenario.Slot(3);
        var request = scenario.Plan(3, "Hållbar styrning") with { StartsAt = starts.AddHours(5), EndsAt = starts.AddHours(8) };

        await (await scenario.TryScheduleAsync(request)).AssertRuleAsync("meeting.overlaps");
        Assert.Equal(1, await App.QueryAsync(db => db.Meetings.CountAsync(m => m.ProgrammeId == scenario.ProgrammeId)));
    }

    [Fact]
    public async Task A_facilitator_is_not_double_booked_even_across_programmes()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var other = await Scenario.CreateAsync(App, regions: 1);
        await scenario.ScheduleAsync(5, "Extern samverkan", scenario.Facilitator.PersonId);

        var request = other.Plan(5, "Extern samverkan", scenario.Facilitator.PersonId);

        await (await other.TryScheduleAsync(request)).AssertRuleAsync("meeting.facilitator-double-booked");
        await AssertNoMeetingsAsync(other);
        Assert.Equal(HttpStatusCode.Created, (await other.TryScheduleAsync(other.Plan(5, "Extern samverkan", other.Facilitator.PersonId))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_facilitator_cannot_be_assigned()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);

        await (await scenario.TryScheduleAsync(scenario.Plan(1, "Extern samverkan", Guid.NewGuid()))).AssertRuleAsync("meeting.unknown-facilitator");
        await AssertNoMeetingsAsync(scenario);
    }

    [Fact]
    public async Task No_more_meetings_than_planned()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        await scenario.ScheduleSixAsync();

        await (await scenario.TryScheduleAsync(scenario.Plan(30, "Extern samverkan"))).AssertRuleAsync("meeting.more-than-planned");
        Assert.Equal(6, await App.QueryAsync(db => db.Meetings.CountAsync(m => m.ProgrammeId == scenario.ProgrammeId)));
    }

    [Fact]
    public async Task A_theme_outside_the_programme_and_a_meeting_without_place_are_refused()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);

        await (await scenario.TryScheduleAsync(scenario.Plan(1, "Rymdturism"))).AssertRuleAsync("meeting.unknown-theme");
        await (await scenario.TryScheduleAsync(scenario.Plan(1, "Extern samverkan") with { Venue = " " })).AssertRuleAsync("meeting.place-missing");
        await (await scenario.TryScheduleAsync(scenario.Plan(1, "Extern samverkan") with { EndsAt = scenario.Slot(1).Starts })).AssertRuleAsync("meeting.ends-before-start");
        var past = App.Now.AddDays(-1);
        await (await scenario.TryScheduleAsync(scenario.Plan(1, "Extern samverkan") with { StartsAt = past, EndsAt = past.AddHours(2) })).AssertRuleAsync("meeting.starts-in-the-past");
        await AssertNoMeetingsAsync(scenario);
    }

    [Fact]
    public async Task Missing_or_malformed_fields_are_a_400_listing_them()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);

        var response = await scenario.Admin.PostJsonAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/meetings", new { theme = "", venue = "Karlstad" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").ToString();
        Assert.Contains("StartsAt", errors, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Theme", errors, StringComparison.OrdinalIgnoreCase);
        await AssertNoMeetingsAsync(scenario);
    }

    [Fact]
    public async Task Only_administrators_schedule_publish_and_cancel()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meeting = await scenario.ScheduleAsync(2, "Extern samverkan");
        var teamMember = App.ClientFor(scenario.Teams[0].ProjectLeader);
        var facilitator = App.ClientFor(scenario.Facilitator);

        Assert.Equal(HttpStatusCode.Forbidden, (await teamMember.PostJsonAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/meetings", scenario.Plan(3, "Extern samverkan"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await facilitator.PostJsonAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/publish", new PublishPlanRequest(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await facilitator.PostJsonAsync($"/api/meetings/{meeting.Id}/cancel", new CancelMeetingRequest(null, meeting.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ClientFor(null).GetAsync($"/api/meetings/{meeting.Id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(MeetingStatus.Draft, (await scenario.MeetingAsync(meeting.Id)).Status);
    }

    [Fact]
    public async Task Drafts_are_hidden_from_team_members_until_published()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meeting = await scenario.ScheduleAsync(2, "Extern samverkan");
        var member = App.ClientFor(scenario.Teams[0].ProjectLeader);

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/meetings/{meeting.Id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Empty(await (await member.GetAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/meetings", TestContext.Current.CancellationToken)).ReadAsync<List<MeetingResponse>>());
        Assert.Equal(MeetingStatus.Draft, (await scenario.MeetingAsync(meeting.Id, scenario.Facilitator)).Status);
    }

    [Fact]
    public async Task Rescheduling_a_published_meeting_increments_its_sequence_and_moves_the_answer_links()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        var draft = meetings[0];

        var (starts, ends) = scenario.Slot(1);
        var movedDraft = await (await scenario.Admin.PutJsonAsync($"/api/meetings/{draft.Id}", Reschedule(draft, starts, ends))).ReadAsync<MeetingResponse>();
        Assert.Equal(0, movedDraft.Sequence);

        await scenario.PublishPlanAsync();
        var published = await scenario.MeetingAsync(draft.Id);
        var moved = await (await scenario.Admin.PutJsonAsync($"/api/meetings/{draft.Id}", Reschedule(published, starts.AddDays(1), ends.AddDays(1)))).ReadAsync<MeetingResponse>();
        Assert.Equal(1, moved.Sequence);
        Assert.Equal(starts.AddDays(1), moved.StartsAt);

        var renamed = await (await scenario.Admin.PutJsonAsync($"/api/meetings/{draft.Id}", Reschedule(moved, moved.StartsAt, moved.EndsAt) with { Venue = "Digitalt", OnlineLink = "https://mote.example/1" })).ReadAsync<MeetingResponse>();
        Assert.Equal(2, renamed.Sequence);

        var events = await App.WaitForPublishedAsync<MeetingRescheduled>(e => e.Meeting.MeetingId == draft.Id, 3);
        Assert.Equal([0, 1, 2], events.Select(e => e.Meeting.Sequence).Order());
        Assert.Equal("https://mote.example/1", events.Single(e => e.Meeting.Sequence == 2).Meeting.OnlineLink);
        var expiries = await App.QueryAsync(db => db.Invitations.Where(i => i.MeetingId == draft.Id).Select(i => i.AnswerTokenExpiresAt).ToListAsync());
        Assert.All(expiries, e => Assert.Equal(starts.AddDays(1), e));
    }

    [Fact]
    public async Task Changing_the_facilitators_of_a_meeting_is_kept_and_hands_the_meeting_to_the_new_facilitator()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meeting = await scenario.ScheduleAsync(2, "Extern samverkan");
        Assert.Empty(meeting.Facilitators);

        var led = await (await scenario.Admin.PutJsonAsync($"/api/meetings/{meeting.Id}", Reschedule(meeting, meeting.StartsAt, meeting.EndsAt) with { FacilitatorIds = [scenario.Facilitator.PersonId] })).ReadAsync<MeetingResponse>();

        Assert.Equal([scenario.Facilitator.PersonId], led.Facilitators.Select(f => f.PersonId));
        Assert.Equal([scenario.Facilitator.PersonId], (await scenario.MeetingAsync(meeting.Id)).Facilitators.Select(f => f.PersonId));
        Assert.Equal(1, await App.QueryAsync(db => db.Meetings.Where(m => m.Id == meeting.Id).SelectMany(m => m.Facilitators).CountAsync()));
        var handedOver = await App.WaitForPublishedAsync<MeetingRescheduled>(e => e.Meeting.MeetingId == meeting.Id);
        Assert.Equal([scenario.Facilitator.PersonId], handedOver[0].FacilitatorIds);

        var released = await (await scenario.Admin.PutJsonAsync($"/api/meetings/{meeting.Id}", Reschedule(led, led.StartsAt, led.EndsAt) with { FacilitatorIds = [] })).ReadAsync<MeetingResponse>();

        Assert.Empty(released.Facilitators);
        Assert.Empty((await scenario.MeetingAsync(meeting.Id)).Facilitators);
    }

    [Fact]
    public async Task A_stale_update_is_a_409_and_changes_nothing()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meeting = await scenario.ScheduleAsync(2, "Extern samverkan");
        var (starts, ends) = scenario.Slot(3);
        await (await scenario.Admin.PutJsonAsync($"/api/meetings/{meeting.Id}", Reschedule(meeting, starts, ends))).ReadAsync<MeetingResponse>();

        var stale = await scenario.Admin.PutJsonAsync($"/api/meetings/{meeting.Id}", Reschedule(meeting, starts.AddDays(1), ends.AddDays(1)));

        await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(starts, (await scenario.MeetingAsync(meeting.Id)).StartsAt);
    }

    [Fact]
    public async Task Cancelling_a_published_meeting_raises_its_sequence_and_the_freed_slot_can_be_scheduled_again()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var meeting = await scenario.MeetingAsync(meetings[2].Id);

        var cancelled = await (await scenario.Admin.PostJsonAsync($"/api/meetings/{meeting.Id}/cancel", new CancelMeetingRequest("Lokalen är inte tillgänglig", meeting.Version))).ReadAsync<MeetingResponse>();

        Assert.Equal(MeetingStatus.Cancelled, cancelled.Status);
        Assert.Equal(1, cancelled.Sequence);
        var evt = (await App.WaitForPublishedAsync<MeetingCancelled>(e => e.Meeting.MeetingId == meeting.Id))[0];
        Assert.Equal("Lokalen är inte tillgänglig", evt.Reason);
        Assert.Equal(1, evt.Meeting.Sequence);
        await (await scenario.Admin.PostJsonAsync($"/api/meetings/{meeting.Id}/cancel", new CancelMeetingRequest(null, cancelled.Version))).AssertRuleAsync("meeting.not-cancellable");
        var replacement = await scenario.ScheduleAsync(3, meeting.Theme);
        Assert.Equal(meeting.Number, replacement.Number);
    }

    private static RescheduleMeetingRequest Reschedule(MeetingResponse meeting, DateTimeOffset starts, DateTimeOffset ends) =>
        new(meeting.Number, meeting.Title, meeting.Theme, starts, ends, meeting.Venue, meeting.OnlineLink, meeting.Facilitators.Select(f => f.PersonId).ToList(), meeting.Version);

    private async Task AssertNoMeetingsAsync(Scenario scenario) =>
        Assert.Equal(0, await App.QueryAsync(db => db.Meetings.CountAsync(m => m.ProgrammeId == scenario.ProgrammeId)));
}
