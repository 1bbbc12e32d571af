using System.Text;

namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>Whatever a client sends, a mistake is a 4xx problem that says what is wrong, never a 500.</summary>
public sealed class MalformedRequestTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task Lists_with_empty_items_and_malformed_json_are_400s()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var meeting = meetings[0];
        scenario.MoveClockInto(meeting);
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meeting.Id, (scenario.Teams[0].Politician, AttendanceStatus.Present))).ReadAsync<Meetings.ApiContracts.AttendanceResponse>();
        var programme = $"/api/meetings/programmes/{scenario.ProgrammeId}";
        var documentation = $"/api/meetings/{meeting.Id}/documentation";

        (string Method, string Url, string Body)[] requests =
        [
            ("PUT", programme, """{"timeZone":"Europe/Stockholm","themes":[null],"plannedMeetings":6,"politicianShare":0.5,"version":1}"""),
            ("PUT", $"/api/meetings/{meeting.Id}/agenda", """{"items":[null],"version":1}"""),
            ("PUT", $"/api/meetings/{meeting.Id}/agenda", """{"items":[{"kind":"Workshop","title":"W","startsAt":"2030-01-01T10:00:00+01:00","durationMinutes":30,"questions":[null]}],"version":1}"""),
            ("PUT", $"/api/meetings/{meeting.Id}/attendance", """{"entries":[null],"version":1}"""),
            ("PUT", $"/api/meetings/{meeting.Id}/attendance", """{"entries":[{"personId":"not-a-guid","status":"Present"}],"version":1}"""),
            ("PUT", documentation, """{"points":[null],"version":0}"""),
            ("PUT", documentation, """{"points":[{"text":"1","subPoints":[null]}],"version":0}"""),
            ("PUT", documentation, """{"points":[{"text":"1"}],"workshopOutcomes":[null],"attachments":[null],"version":0}"""),
            ("PUT", documentation, """{"points":[{"text":"1"}],"version":0"""),
            ("POST", $"{programme}/meetings", """{"theme":"Extern samverkan","startsAt":"igår","endsAt":"idag","venue":"Karlstad"}"""),
            ("POST", $"{programme}/meetings", """{"theme":"Extern samverkan","startsAt":"2030-01-01T10:00:00+01:00","endsAt":"2030-01-01T12:00:00+01:00","venue":"Karlstad","onlineLink":"inte en länk"}"""),
            ("POST", $"{programme}/publish", """[]"""),
            ("PUT", $"/api/meetings/invitations/{Guid.NewGuid()}/answer", """{"answer":"Kanske","version":1}"""),
        ];

        foreach (var (method, url, body) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await scenario.Admin.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url} {body} -> {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("9")]
    [InlineData("\"9\"")]
    [InlineData("\"Talk, Workshop\"")]
    public async Task Enums_are_taken_by_name_only_and_a_400_names_the_field(string value)
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var meeting = await scenario.MeetingAsync(meetings[0].Id);
        var politician = scenario.Teams[0].Politician;
        var invitation = (await scenario.InvitationsOfAsync(politician)).Single(i => i.MeetingId == meeting.Id);

        var agenda = await SendAsync(App.ClientFor(scenario.Facilitator), $"/api/meetings/{meeting.Id}/agenda",
            $$"""{"items":[{"kind":{{value}},"title":"Inledning","startsAt":"{{meeting.StartsAt:O}}","durationMinutes":30}],"version":{{meeting.Version}}}""");
        var answer = await SendAsync(App.ClientFor(politician), $"/api/meetings/invitations/{invitation.Id}/answer",
            $$"""{"answer":{{value}},"version":{{invitation.Version}}}""");

        Assert.True((await agenda.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("$.items[0].kind", out _));
        Assert.True((await answer.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("$.answer", out _));
        Assert.Equal(meeting.Version, (await scenario.MeetingAsync(meeting.Id)).Version);
        Assert.Equal(invitation, (await scenario.InvitationsOfAsync(politician)).Single(i => i.Id == invitation.Id));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);

        var response = await scenario.Admin.PostAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/meetings", new StringContent("theme=x", Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
