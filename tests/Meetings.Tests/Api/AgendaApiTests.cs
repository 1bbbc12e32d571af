namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>The agenda as in seed 000: talks, breaks and a workshop with its questions, inside the meeting's time.</summary>
public sealed class AgendaApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task The_meeting_s_facilitator_sets_the_agenda_and_it_moves_with_the_meeting()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meeting = await scenario.ScheduleAsync(2, "Extern samverkan", scenario.Facilitator.PersonId);

        var withAgenda = await (await App.ClientFor(scenario.Facilitator).PutJsonAsync($"/api/meetings/{meeting.Id}/agenda", Agenda(meeting))).ReadAsync<MeetingResponse>();

        Assert.Equal(["Välkommen", "Fyra föredrag om odlingslandskapet", "Fika", "Workshop i grupper"], withAgenda.Agenda.Select(a => a.Title));
        var workshop = withAgenda.Agenda[3];
        Assert.Equal((AgendaItemKind.Workshop, 90, 2), (workshop.Kind, workshop.DurationMinutes, workshop.Questions.Count));
        Assert.Equal(meeting.StartsAt.AddHours(3), workshop.StartsAt);
        Assert.True(withAgenda.Version > meeting.Version);

        var request = new RescheduleMeetingRequest(null, null, meeting.Theme, meeting.StartsAt.AddDays(7), meeting.EndsAt.AddDays(7), meeting.Venue, null, [scenario.Facilitator.PersonId], withAgenda.Version);
        var moved = await (await scenario.Admin.PutJsonAsync($"/api/meetings/{meeting.Id}", request)).ReadAsync<MeetingResponse>();
        Assert.Equal(meeting.StartsAt.AddDays(7).AddHours(3), moved.Agenda[3].StartsAt);

        var shortened = request with { EndsAt = request.StartsAt!.Value.AddHours(2), Version = moved.Version };
        await (await scenario.Admin.PutJsonAsync($"/api/meetings/{meeting.Id}", shortened)).AssertRuleAsync("meeting.agenda-does-not-fit");
    }

    [Fact]
    public async Task Items_outside_the_meeting_and_questions_outside_workshops_are_refused()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meeting = await scenario.ScheduleAsync(2, "Extern samverkan", scenario.Facilitator.PersonId);
        var facilitator = App.ClientFor(scenario.Facilitator);

        var late = new ChangeAgendaRequest([new AgendaItemRequest(AgendaItemKind.Talk, "Sent föredrag", null, meeting.EndsAt.AddMinutes(-10), 30, null)], meeting.Version);
        var early = new ChangeAgendaRequest([new AgendaItemRequest(AgendaItemKind.Talk, "Tidigt", null, meeting.StartsAt.AddMinutes(-5), 30, null)], meeting.Version);
        var talkWithQuestions = new ChangeAgendaRequest([new AgendaItemRequest(AgendaItemKind.Talk, "Föredrag", null, meeting.StartsAt, 30, ["Fråga?"])], meeting.Version);

        await (await facilitator.PutJsonAsync($"/api/meetings/{meeting.Id}/agenda", late)).AssertRuleAsync("agenda.item-outside-meeting");
        await (await facilitator.PutJsonAsync($"/api/meetings/{meeting.Id}/agenda", early)).AssertRuleAsync("agenda.item-outside-meeting");
        await (await facilitator.PutJsonAsync($"/api/meetings/{meeting.Id}/agenda", talkWithQuestions)).AssertRuleAsync("agenda.questions-only-for-workshops");
        Assert.Empty((await scenario.MeetingAsync(meeting.Id)).Agenda);
    }

    [Fact]
    public async Task Only_the_facilitators_leading_the_meeting_and_administrators_edit_its_agenda()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meeting = await scenario.ScheduleAsync(2, "Extern samverkan", scenario.Facilitator.PersonId);
        var url = $"/api/meetings/{meeting.Id}/agenda";

        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(TestUser.Facilitator()).PutJsonAsync(url, Agenda(meeting))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(scenario.Teams[0].ProjectLeader).PutJsonAsync(url, Agenda(meeting))).StatusCode);
        Assert.Empty((await scenario.MeetingAsync(meeting.Id)).Agenda);
        Assert.Equal(4, (await (await scenario.Admin.PutJsonAsync(url, Agenda(meeting))).ReadAsync<MeetingResponse>()).Agenda.Count);
    }

    private static ChangeAgendaRequest Agenda(MeetingResponse meeting) => new(
        [
            new AgendaItemRequest(AgendaItemKind.Workshop, "Workshop i grupper", "Processledarna", meeting.StartsAt.AddHours(3), 90,
                ["Hur kan vi öka användandet av betesdjur?", "Vad krävs för att vända trenden?"]),
            new AgendaItemRequest(AgendaItemKind.Talk, "Välkommen", "Landshövdingen", meeting.StartsAt, 15, null),
            new AgendaItemRequest(AgendaItemKind.Talk, "Fyra föredrag om odlingslandskapet", null, meeting.StartsAt.AddMinutes(15), 120, null),
            new AgendaItemRequest(AgendaItemKind.Break, "Fika", null, meeting.StartsAt.AddMinutes(135), 45, null),
        ],
        meeting.Version);
}
