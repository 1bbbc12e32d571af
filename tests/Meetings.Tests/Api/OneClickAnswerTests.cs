using System.Net;
using System.Net.Http.Headers;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Meetings.Api;
using KollegialtUtbyte.Meetings.Tests.Support;
using KollegialtUtbyte.Testing;

namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>
/// The one-click links of the invitation mail: no sign-in, exactly one invitation changed, and an
/// expired, reused or tampered token a clear 4xx that changes nothing.
/// </summary>
public sealed class OneClickAnswerTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    private HttpClient Anonymous => App.ClientFor(null);

    [Fact]
    public async Task A_mail_link_answers_that_one_invitation_without_signing_in_and_says_so_in_Swedish()
    {
        var (scenario, meetings, person, token) = await InvitedAsync();

        var response = await Anonymous.GetAsync(Link(token, "accepted"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"sv\">", page);
        Assert.Contains("<h1>Tack för ditt svar</h1>", page);
        Assert.Contains("Du har tackat ja till", page);
        Assert.Contains(meetings[0].Title, page);
        var invitations = await scenario.InvitationsOfAsync(person);
        Assert.Equal(InvitationAnswer.Accepted, invitations.Single(i => i.MeetingId == meetings[0].Id).Answer);
        Assert.All(invitations.Where(i => i.MeetingId != meetings[0].Id), i => Assert.Equal(InvitationAnswer.Pending, i.Answer));
        Assert.All(await scenario.InvitationsOfAsync(scenario.Teams[0].ProjectLeader), i => Assert.Equal(InvitationAnswer.Pending, i.Answer));
        await App.WaitForPublishedAsync<InvitationAnswered>(e => e.PersonId == person.PersonId && e.Answer == InvitationAnswer.Accepted);
    }

    [Fact]
    public async Task The_page_is_in_English_when_the_browser_prefers_English()
    {
        var (_, _, _, token) = await InvitedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Link(token, "declined"));
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,sv;q=0.5");

        var response = await Anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("You have declined", page);
    }

    [Fact]
    public async Task A_link_works_once()
    {
        var (scenario, meetings, person, token) = await InvitedAsync();
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync(Link(token, "accepted"), TestContext.Current.CancellationToken)).StatusCode);

        var again = await Anonymous.GetAsync(Link(token, "declined"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("redan använd", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(InvitationAnswer.Accepted, (await scenario.InvitationsOfAsync(person)).Single(i => i.MeetingId == meetings[0].Id).Answer);
        await (await Anonymous.PostJsonAsync("/api/meetings/invitations/answer", new OneClickAnswerRequest(token, "declined", null))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_link_expires_when_the_meeting_starts()
    {
        var (scenario, meetings, person, token) = await InvitedAsync();
        scenario.MoveClockInto(meetings[0]);

        var response = await Anonymous.GetAsync(Link(token, "accepted"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Länken har gått ut", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(InvitationAnswer.Pending, (await scenario.InvitationsOfAsync(person)).Single(i => i.MeetingId == meetings[0].Id).Answer);
    }

    [Fact]
    public async Task A_tampered_or_malformed_token_is_refused_and_changes_nothing()
    {
        var (scenario, _, person, token) = await InvitedAsync();
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        var unknown = await Anonymous.GetAsync(Link(tampered, "accepted"), TestContext.Current.CancellationToken);
        var malformed = await Anonymous.GetAsync(Link(token[..20], "accepted"), TestContext.Current.CancellationToken);
        var badAnswer = await Anonymous.GetAsync(Link(token, "maybe-later"), TestContext.Current.CancellationToken);
        var pending = await Anonymous.GetAsync(Link(token, "pending"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Länken fungerar inte", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pending.StatusCode);
        Assert.All(await scenario.InvitationsOfAsync(person), i => Assert.Equal(InvitationAnswer.Pending, i.Answer));
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.GetAsync(Link(token, "tentative"), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Links_of_withdrawn_invitations_and_cancelled_meetings_are_gone()
    {
        var (scenario, meetings, person, token) = await InvitedAsync();
        var secondToken = (await App.WaitForPublishedAsync<InvitationIssued>(e => e.PersonId == person.PersonId && e.Meeting.MeetingId == meetings[1].Id))[0].AnswerToken;
        var second = await scenario.MeetingAsync(meetings[1].Id);
        await (await scenario.Admin.PostJsonAsync($"/api/meetings/{second.Id}/cancel", new CancelMeetingRequest(null, second.Version))).ReadAsync<MeetingResponse>();
        await App.PublishAsync(new TeamMemberLeft(scenario.ProgrammeId, scenario.Teams[0].RegionId, person.PersonId, TeamRole.Politician, App.Now));

        var withdrawn = await Anonymous.PostJsonAsync("/api/meetings/invitations/answer", new OneClickAnswerRequest(token, "accepted", null));
        var cancelled = await Anonymous.GetAsync(Link(secondToken, "accepted"), TestContext.Current.CancellationToken);

        var problem = await withdrawn.ProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("Withdrawn", problem.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Gone, cancelled.StatusCode);
        Assert.Contains("inställd", await cancelled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Api_clients_post_the_token_as_json()
    {
        var (scenario, meetings, person, token) = await InvitedAsync();

        var response = await Anonymous.PostJsonAsync("/api/meetings/invitations/answer", new OneClickAnswerRequest(token, "Declined", "Krockar med fullmäktige"));

        var answered = await response.ReadAsync<AnswerResponse>();
        Assert.Equal((InvitationAnswer.Declined, "Krockar med fullmäktige"), (answered.Answer, answered.Comment));
        Assert.Equal(meetings[0].Id, answered.MeetingId);
        Assert.Equal(InvitationAnswer.Declined, (await scenario.InvitationsOfAsync(person)).Single(i => i.MeetingId == meetings[0].Id).Answer);
        var missing = await Anonymous.PostJsonAsync("/api/meetings/invitations/answer", new { answer = "accepted" });
        await missing.ProblemAsync(HttpStatusCode.BadRequest);
    }

    private static string Link(string token, string answer) =>
        $"/api/meetings/invitations/answer?token={Uri.EscapeDataString(token)}&answer={answer}";

    /// <summary>A published plan, and the politician's raw token for the first meeting as the invitation mail carries it.</summary>
    private async Task<(Scenario Scenario, IReadOnlyList<MeetingResponse> Meetings, TestUser Person, string Token)> InvitedAsync()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var person = scenario.Teams[0].Politician;
        var issued = await App.WaitForPublishedAsync<InvitationIssued>(e => e.PersonId == person.PersonId && e.Meeting.MeetingId == meetings[0].Id);
        return (scenario, meetings, person, issued[0].AnswerToken);
    }
}
