using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Meetings.Tests.Consumers;

/// <summary>
/// The right to erasure in the meetings: after an administrator's decision no answer names the
/// person (except approved documentation, a public record), what she did stays under
/// "Borttagen person", and the statistics already counted stay as they were.
/// </summary>
public sealed class PersonalDataErasureTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private const string Phone = "070-555 12 34";

    private MeetingsApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erasure_pseudonymises_her_everywhere_but_in_approved_documentation_and_leaves_the_statistics_as_they_were()
    {
        var (scenario, her) = await ScenarioWithHerAsync();
        var writer = App.ClientFor(scenario.Facilitator);
        var meetings = await scenario.ScheduleSixAsync();
        var agenda = new ChangeAgendaRequest(
            [new AgendaItemRequest(AgendaItemKind.Talk, "Regionens strategi", her.Name, meetings[1].StartsAt.AddHours(1), 45, null)],
            meetings[1].Version);
        await (await writer.PutJsonAsync($"/api/meetings/{meetings[1].Id}/agenda", agenda)).ReadAsync<MeetingResponse>();
        await scenario.PublishPlanAsync();
        var feed = await (await App.ClientFor(her).PostAsync("/api/meetings/calendar/feed", null, Ct)).ReadAsync<CalendarFeedResponse>();
        await (await scenario.AnswerAsync(her, meetings[1].Id, InvitationAnswer.Accepted, "Jag presenterar vår strategi")).ReadAsync<System.Text.Json.JsonElement>();

        // The first meeting: everyone present, documented and approved, with an action she owns and reports on.
        scenario.MoveClockInto(meetings[0]);
        var team = scenario.Teams[0];
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meetings[0].Id, [.. team.Members.Select(p => (p, AttendanceStatus.Present))])).ReadAsync<AttendanceResponse>();
        var draft = await (await writer.PutJsonAsync($"/api/meetings/{meetings[0].Id}/documentation", Protocol(her.Name, 0))).ReadAsync<DocumentationResponse>();
        var action = await (await writer.PostJsonAsync($"/api/meetings/{meetings[0].Id}/documentation/points/2/actions",
            new CreateActionRequest($"{her.Name} förankrar strategin", her.PersonId, null, DateOnly.FromDateTime(App.Now.UtcDateTime).AddDays(60)))).ReadAsync<ActionResponse>();
        await (await scenario.Admin.PostJsonAsync($"/api/meetings/{meetings[0].Id}/documentation/approve", new ApproveDocumentationRequest(draft.Version))).ReadAsync<DocumentationResponse>();
        action = await (await App.ClientFor(her).GetAsync($"/api/meetings/actions/{action.Id}", Ct)).ReadAsync<ActionResponse>();
        await (await App.ClientFor(her).PostJsonAsync($"/api/meetings/actions/{action.Id}/progress", new RecordProgressRequest(ActionStatus.InProgress, "Påbörjat i regionledningen", action.Version))).ReadAsync<ActionResponse>();

        // The second meeting: held, its documentation still a draft that names her.
        scenario.MoveClockInto(meetings[1]);
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meetings[1].Id, [.. team.Members.Select(p => (p, AttendanceStatus.Present))])).ReadAsync<AttendanceResponse>();
        await (await writer.PutJsonAsync($"/api/meetings/{meetings[1].Id}/documentation", Protocol(her.Name, 0))).ReadAsync<DocumentationResponse>();

        var statistics = $"/api/meetings/programmes/{scenario.ProgrammeId}/statistics";
        var statisticsBefore = await BodyAsync(writer, statistics);
        var csvBefore = await BodyAsync(writer, statistics + ".csv");
        var effectsBefore = await BodyAsync(writer, $"/api/meetings/programmes/{scenario.ProgrammeId}/effects");
        Assert.Contains("\"group\":\"Kvinna\",\"count\":3", statisticsBefore, StringComparison.Ordinal);
        var approvedBefore = await BodyAsync(writer, $"/api/meetings/{meetings[0].Id}/documentation");
        Assert.Contains(her.Name, approvedBefore, StringComparison.Ordinal);

        var token = App.Published<InvitationIssued>().Last(i => i.PersonId == her.PersonId && i.Meeting.MeetingId == meetings[2].Id).AnswerToken;
        var answerLink = $"/api/meetings/invitations/answer?token={Uri.EscapeDataString(token)}&answer=accepted";
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor(null).GetAsync(answerLink, Ct)).StatusCode);

        var erasureId = Guid.NewGuid();
        await App.PublishAsync(new PersonalDataErasureDecided(erasureId, her.PersonId, App.Now));

        var answer = Assert.Single(await App.WaitForPublishedAsync<PersonalDataErased>(e => e.ErasureId == erasureId));
        Assert.Equal((her.PersonId, "meetings"), (answer.PersonId, answer.Service));

        // Approved documentation is a public record: exactly as approved, names and all.
        Assert.Equal(approvedBefore, await BodyAsync(writer, $"/api/meetings/{meetings[0].Id}/documentation"));

        // Statistics already counted do not change, gender included.
        Assert.Equal(statisticsBefore, await BodyAsync(writer, statistics));
        Assert.Equal(csvBefore, await BodyAsync(writer, statistics + ".csv"));
        Assert.Equal(effectsBefore, await BodyAsync(writer, $"/api/meetings/programmes/{scenario.ProgrammeId}/effects"));

        // No other answer names her; what she did stays under the pseudonym.
        string[] answers =
        [
            $"/api/meetings/{meetings[0].Id}",
            $"/api/meetings/{meetings[1].Id}",
            $"/api/meetings/{meetings[0].Id}/invitations",
            $"/api/meetings/{meetings[1].Id}/invitations",
            $"/api/meetings/{meetings[0].Id}/representation",
            $"/api/meetings/{meetings[1].Id}/documentation",
            $"/api/meetings/{meetings[0].Id}/documentation/actions",
            $"/api/meetings/actions/{action.Id}",
            $"/api/meetings/programmes/{scenario.ProgrammeId}/actions",
            $"/api/meetings/programmes/{scenario.ProgrammeId}/quota",
            $"/api/meetings/programmes/{scenario.ProgrammeId}/meetings",
        ];
        foreach (var url in answers)
        {
            var body = await BodyAsync(scenario.Admin, url);
            Assert.False(body.Contains(her.Name, StringComparison.Ordinal) || body.Contains(her.Email, StringComparison.OrdinalIgnoreCase), $"{url} still names her: {body}");
        }

        Assert.Contains(ErasedPerson.Name, await BodyAsync(scenario.Admin, $"/api/meetings/{meetings[1].Id}/documentation"), StringComparison.Ordinal);
        Assert.Contains(ErasedPerson.Name, await BodyAsync(scenario.Admin, $"/api/meetings/{meetings[1].Id}"), StringComparison.Ordinal);
        var erasedAction = await (await scenario.Admin.GetAsync($"/api/meetings/actions/{action.Id}", Ct)).ReadAsync<ActionResponse>();
        Assert.Equal(ErasedPerson.Name, erasedAction.OwnerName);
        Assert.Equal(("Påbörjat i regionledningen", ErasedPerson.Name), (erasedAction.Notes[^1].Text, erasedAction.Notes[^1].ByName));
        var invitations = await (await scenario.Admin.GetAsync($"/api/meetings/{meetings[1].Id}/invitations", Ct)).ReadAsync<List<InvitationResponse>>();
        var hers = Assert.Single(invitations, i => i.PersonId == her.PersonId);
        Assert.Equal((ErasedPerson.Name, InvitationAnswer.Accepted, "Jag presenterar vår strategi"), (hers.Name, hers.Answer, hers.Comment));

        // Her calendar feed and the answer links of the mails she was sent no longer answer.
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(null).GetAsync(new Uri(feed.Url).PathAndQuery, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(null).GetAsync(answerLink, Ct)).StatusCode);

        // The database: her copy is a pseudonymised tombstone, and only approved documentation names her.
        var person = await App.QueryAsync(db => db.People.SingleAsync(p => p.Id == her.PersonId, Ct));
        Assert.Equal((ErasedPerson.Name, "", null, null), (person.Name, person.Email, person.Gender, person.Title));
        Assert.True(person.IsErased);
        Assert.Empty(await App.QueryAsync(db => db.People.Where(p => p.Name.Contains(her.Name) || p.Email == her.Email).ToListAsync(Ct)));
        Assert.Empty(await App.QueryAsync(db => db.CalendarFeeds.Where(f => f.PersonId == her.PersonId && f.RevokedAt == null).ToListAsync(Ct)));
        var actions = await App.QueryAsync(db => db.Actions.AsNoTracking().ToListAsync(Ct));
        Assert.DoesNotContain(actions, a => a.OwnerName.Contains(her.Name) || a.What.Contains(her.Name) || a.Notes.Any(n => n.ByName.Contains(her.Name)));
        var meetingRows = await App.QueryAsync(db => db.Meetings.AsNoTracking().ToListAsync(Ct));
        Assert.DoesNotContain(meetingRows, m => m.Agenda.Any(a => a.Responsible != null && a.Responsible.Contains(her.Name)));
        var documentation = await App.QueryAsync(db => db.Documentation.AsNoTracking().AsSplitQuery().ToListAsync(Ct));
        Assert.All(
            documentation.Where(d => d.Points.Any(p => p.Text.Contains(her.Name)) || d.Participants.Any(p => p.Name == her.Name)),
            d => Assert.Equal((meetings[0].Id, DocumentationStatus.Approved), (d.MeetingId, d.Status)));
    }

    [Fact]
    public async Task Erasure_can_run_again_late_directory_news_does_not_bring_her_back_and_her_export_answers_the_pseudonym()
    {
        var (scenario, her) = await ScenarioWithHerAsync();
        var team = scenario.Teams[0];
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        scenario.MoveClockInto(meetings[0]);
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meetings[0].Id, [.. team.Members.Select(p => (p, AttendanceStatus.Present))])).ReadAsync<AttendanceResponse>();
        var statistics = $"/api/meetings/programmes/{scenario.ProgrammeId}/statistics";
        var statisticsBefore = await BodyAsync(scenario.Admin, statistics);

        var erasureId = Guid.NewGuid();
        var decision = new PersonalDataErasureDecided(erasureId, her.PersonId, App.Now);
        await App.PublishAsync(decision);
        await App.WaitForPublishedAsync<PersonalDataErased>(e => e.ErasureId == erasureId);
        var anonymousAfterFirst = await App.QueryAsync(db => db.AnonymousAttendances.CountAsync(Ct));

        // The same decision again (a new delivery): it is answered, and nothing else changes.
        await App.PublishAsync(decision);
        await App.WaitForPublishedAsync<PersonalDataErased>(e => e.ErasureId == erasureId, 2);
        Assert.Equal(anonymousAfterFirst, await App.QueryAsync(db => db.AnonymousAttendances.CountAsync(Ct)));
        Assert.Equal(statisticsBefore, await BodyAsync(scenario.Admin, statistics));

        // Late or reordered news from the directory, carrying her old details, is ignored.
        var later = App.Now.AddMinutes(5);
        await App.PublishAsync(new PersonUpdated(her.PersonId, her.Name, her.Email, Phone, "Regionråd", null, team.RegionName, team.RegionId, "sv", "kvinna", later));
        await App.PublishAsync(new TeamMemberUpdated(scenario.ProgrammeId, team.RegionId, team.RegionName, her.PersonId, TeamRole.Politician, her.Name, her.Email, "Regionråd", "sv", "kvinna", later));
        await App.PublishAsync(new TeamMemberJoined(scenario.ProgrammeId, team.RegionId, team.RegionName, her.PersonId, TeamRole.Politician, her.Name, her.Email, "Regionråd", "sv", "kvinna", later));
        await App.PublishAsync(new FacilitatorAdded(her.PersonId, Guid.NewGuid(), "Processbolaget AB", her.Name, her.Email, "sv", later));
        await App.PublishAsync(new PersonGenderStated(her.PersonId, "kvinna", later));

        var person = await App.QueryAsync(db => db.People.SingleAsync(p => p.Id == her.PersonId, Ct));
        Assert.Equal((ErasedPerson.Name, "", null), (person.Name, person.Email, person.Gender));
        Assert.Equal(statisticsBefore, await BodyAsync(scenario.Admin, statistics));
        var quota = await BodyAsync(scenario.Admin, $"/api/meetings/programmes/{scenario.ProgrammeId}/quota");
        Assert.DoesNotContain(her.Name, quota, StringComparison.Ordinal);

        // Her export still answers, with what is left: the pseudonym.
        var exportId = Guid.NewGuid();
        await App.PublishAsync(new PersonalDataExportRequested(exportId, her.PersonId, App.Now));
        var part = Assert.Single(await App.WaitForPublishedAsync<PersonalDataExportPartCollected>(p => p.ExportId == exportId));
        Assert.Contains(ErasedPerson.Name, part.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(her.Name, part.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(her.Email, part.Json, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One region whose politician, the person to erase, has a name of her own; three women and three men, all with stated gender.</summary>
    private async Task<(Scenario Scenario, TestUser Her)> ScenarioWithHerAsync()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var team = scenario.Teams[0];
        var her = team.Politician with { Name = $"Ester Raderasdotter {Guid.NewGuid().ToString("N")[..6]}" };
        string[] genders = ["kvinna", "kvinna", "man", "man", "man", "kvinna"];
        var members = team.Members.ToList();
        for (var i = 0; i < members.Count; i++)
        {
            var (name, phone, title) = members[i].PersonId == her.PersonId ? (her.Name, Phone, "Regionråd") : (members[i].Name, null, null);
            await App.PublishAsync(new PersonUpdated(members[i].PersonId, name, members[i].Email, phone, title, null, team.RegionName, team.RegionId, "sv", null, App.Now));
            await App.PublishAsync(new PersonGenderStated(members[i].PersonId, genders[i], App.Now));
        }

        return (scenario, her);
    }

    private static WriteDocumentationRequest Protocol(string name, long version) => new(
        $"Träffen där {name} presenterade regionens strategi.",
        [
            new PointRequest($"{name} presenterade regionens utvecklingsstrategi", null, null),
            new PointRequest("Kommunikation och verksamhet", "Nätverket tar fram en kommunikationsstrategi", null),
        ],
        null,
        null,
        version);

    private static async Task<string> BodyAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return body;
    }
}
