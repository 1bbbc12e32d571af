using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>
/// The answer links of the invitation mail: opening one (as a mail scanner does) only shows the
/// meeting and a confirm button; the button's POST answers exactly one invitation, without signing
/// in, again and again until the meeting starts; an expired, withdrawn or tampered link is a clear
/// page that changes nothing.
/// </summary>
public sealed class OneClickAnswerTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private const string ConfirmPath = "/api/meetings/invitations/answer/confirm";

    private MeetingsApp App => fixture.App;

    private HttpClient Anonymous => App.ClientFor(null);

    [Fact]
    public async Task Opening_a_mail_link_shows_the_meeting_and_a_confirm_button_and_changes_nothing()
    {
        var (scenario, meetings, person, token) = await InvitedAsync();

        var response = await Anonymous.GetAsync(Link(token, "accepted"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"sv\">", page);
        Assert.Contains("<h1>Bekräfta ditt svar</h1>", page);
        Assert.Contains(meetings[0].Title, page);
        Assert.Contains($"kl. {meetings[0].StartsAt:HH.mm}–{meetings[0].EndsAt:HH.mm}", page);
        Assert.Contains(meetings[0].Venue!, page);
        Assert.Contains("<dd>Ja, jag kommer</dd>", page);
        Assert.Contains($"<form method=\"post\" action=\"{ConfirmPath}\">", page);
        Assert.Contains($"<input type=\"hidden\" name=\"token\" value=\"{token}\">", page);
        Assert.Contains("<input type=\"hidden\" name=\"answer\" value=\"accepted\">", page);
        Assert.Contains("<button type=\"submit\">Bekräfta</button>", page);

        // Scanners also probe with HEAD and OPTIONS: neither answers either.
        using var head = await Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, Link(token, "declined")), TestContext.Current.CancellationToken);
        using var options = await Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Options, Link(token, "declined")), TestContext.Current.CancellationToken);
        Assert.True((int)head.StatusCode < 500 && (int)options.StatusCode < 500, $"HEAD {head.StatusCode}, OPTIONS {options.StatusCode}");
        Assert.All(await scenario.InvitationsOfAsync(person), i => Assert.Equal(InvitationAnswer.Pending, i.Answer));
        Assert.Null(await App.QueryAsync(db => db.Invitations.Where(i => i.PersonId == person.PersonId && i.MeetingId == meetings[0].Id).Select(i => i.AnswerTokenUsedAt).SingleAsync()));
    }

    [Fact]
    public async Task Confirming_answers_that_one_invitation_without_signing_in_and_says_so()
    {
        var (scenario, meetings, person, token) = await InvitedAsync();

        var response = await ConfirmAsync(token, "accepted");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
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
    public async Task A_later_answer_through_the_links_replaces_the_earlier_one_until_the_meeting_starts()
    {
        var (scenario, meetings, person, token) = await InvitedAsync();
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(token, "accepted")).StatusCode);

        var page = await (await Anonymous.GetAsync(Link(token, "declined"), TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var again = await ConfirmAsync(token, "declined");

        Assert.Contains("Ditt nuvarande svar är ”Ja, jag kommer”", page);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Du har tackat nej till", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(InvitationAnswer.Declined, (await scenario.InvitationsOfAsync(person)).Single(i => i.MeetingId == meetings[0].Id).Answer);
        await App.WaitForPublishedAsync<InvitationAnswered>(e => e.PersonId == person.PersonId && e.Answer == InvitationAnswer.Declined);
        var byClient = await Anonymous.PostJsonAsync("/api/meetings/invitations/answer", new OneClickAnswerRequest(token, "tentative", null));
        Assert.Equal(InvitationAnswer.Tentative, (await byClient.ReadAsync<AnswerResponse>()).Answer);
    }

    [Fact]
    public async Task After_a_reschedule_the_links_of_the_update_mail_work_for_someone_who_answered_by_link()
    {
        var (scenario, meetings, person, token) = await InvitedAsync();
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(token, "accepted")).StatusCode);
        var meeting = await scenario.MeetingAsync(meetings[0].Id);
        var (starts, ends) = (meeting.StartsAt.AddDays(1), meeting.EndsAt.AddDays(1));
        var moved = await (await scenario.Admin.PutJsonAsync($"/api/meetings/{meeting.Id}", new RescheduleMeetingRequest(
            meeting.Number, meeting.Title, meeting.Theme, starts, ends, meeting.Venue, meeting.OnlineLink, meeting.Facilitators.Select(f => f.PersonId).ToList(), meeting.Version)))
            .ReadAsync<MeetingResponse>();

        // The update mail carries the same token (Notifications keeps it until the meeting starts).
        var page = await Anonymous.GetAsync(Link(token, "tentative"), TestContext.Current.CancellationToken);
        var answered = await ConfirmAsync(token, "tentative");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(moved.StartsAt.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")), await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(InvitationAnswer.Tentative, (await scenario.InvitationsOfAsync(person)).Single(i => i.MeetingId == meeting.Id).Answer);
    }

    [Fact]
    public async Task Once_the_meeting_has_started_the_link_is_a_clear_refusal_that_changes_nothing()
    {
        var (scenario, meetings, person, token) = await InvitedAsync();
        scenario.MoveClockInto(meetings[0]);

        var shown = await Anonymous.GetAsync(Link(token, "accepted"), TestContext.Current.CancellationToken);
        var confirmed = await ConfirmAsync(token, "accepted");

        Assert.Equal(HttpStatusCode.Gone, shown.StatusCode);
        var page = await shown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<h1>Länken har gått ut</h1>", page);
        Assert.DoesNotContain("<form", page);
        Assert.Equal(HttpStatusCode.Gone, confirmed.StatusCode);
        Assert.Contains("Inget har ändrats.", await confirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(InvitationAnswer.Pending, (await scenario.InvitationsOfAsync(person)).Single(i => i.MeetingId == meetings[0].Id).Answer);
    }

    [Fact]
    public async Task An_unknown_or_garbled_token_is_a_404_page_and_a_wrong_answer_a_400_page()
    {
        var (scenario, _, person, token) = await InvitedAsync();
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        foreach (var garbled in new[] { tampered, token[..20], token + "x", "", "%00%ff", "<script>", new string('A', 5000) })
        {
            var shown = await Anonymous.GetAsync(Link(garbled, "accepted"), TestContext.Current.CancellationToken);
            var confirmed = await ConfirmAsync(garbled, "accepted");
            Assert.Equal(HttpStatusCode.NotFound, shown.StatusCode);
            Assert.Contains("<h1>Länken fungerar inte</h1>", await shown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.NotFound, confirmed.StatusCode);
        }

        var withoutToken = await Anonymous.GetAsync("/api/meetings/invitations/answer?answer=accepted", TestContext.Current.CancellationToken);
        var twoTokens = await Anonymous.PostAsync(ConfirmPath, new FormUrlEncodedContent([new("token", token), new("token", token), new("answer", "accepted")]), TestContext.Current.CancellationToken);
        var notAForm = await Anonymous.PostJsonAsync(ConfirmPath, new { token, answer = "accepted" });
        var badAnswer = await Anonymous.GetAsync(Link(token, "maybe-later"), TestContext.Current.CancellationToken);
        var pending = await ConfirmAsync(token, "pending");
        Assert.Equal(HttpStatusCode.NotFound, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, twoTokens.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAnswer.StatusCode);
        Assert.Contains("<h1>Okänt svar</h1>", await badAnswer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadRequest, pending.StatusCode);
        Assert.All(await scenario.InvitationsOfAsync(person), i => Assert.Equal(InvitationAnswer.Pending, i.Answer));
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(token, "tentative")).StatusCode);
    }

    [Fact]
    public async Task The_page_is_in_English_for_a_person_whose_language_is_English_and_otherwise_as_the_browser_prefers()
    {
        var (scenario, _, person, token) = await InvitedAsync();
        await App.PublishAsync(new PersonUpdated(person.PersonId, person.Name, person.Email, null, null, null, null, scenario.Teams[0].RegionId, "en", null, App.Now.AddSeconds(1)));

        var shown = await Anonymous.GetAsync(Link(token, "declined"), TestContext.Current.CancellationToken);
        var confirmed = await ConfirmAsync(token, "declined");
        using var unknownRequest = new HttpRequestMessage(HttpMethod.Get, Link("unknown", "declined"));
        unknownRequest.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,sv;q=0.5");
        var unknown = await Anonymous.SendAsync(unknownRequest, TestContext.Current.CancellationToken);

        var page = await shown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("<dd>No, I cannot attend</dd>", page);
        Assert.Contains("<button type=\"submit\">Confirm</button>", page);
        Assert.Contains("You have declined", await confirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("<h1>The link does not work</h1>", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
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
        var withdrawnPage = await Anonymous.GetAsync(Link(token, "accepted"), TestContext.Current.CancellationToken);
        var cancelled = await Anonymous.GetAsync(Link(secondToken, "accepted"), TestContext.Current.CancellationToken);
        var cancelledConfirm = await ConfirmAsync(secondToken, "accepted");

        var problem = await withdrawn.ProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("Withdrawn", problem.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Gone, withdrawnPage.StatusCode);
        Assert.Contains("<h1>Inbjudan är återkallad</h1>", await withdrawnPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Gone, cancelled.StatusCode);
        Assert.Contains("inställd", await cancelled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Gone, cancelledConfirm.StatusCode);
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

    [Fact]
    public async Task Once_dispatched_the_invitation_events_keep_no_raw_token_in_the_outbox()
    {
        var (_, _, person, token) = await InvitedAsync();

        var rows = await Eventually.UntilAsync(
            () => App.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(nameof(InvitationIssued)) && m.Body.Contains(person.PersonId.ToString())).ToListAsync()),
            found => found.Count == 6 && found.All(m => m.DispatchedAt != null),
            "the person's six invitations were dispatched");

        Assert.All(rows, row =>
        {
            Assert.DoesNotContain(token, row.Body, StringComparison.Ordinal);
            Assert.Equal("", JsonDocument.Parse(row.Body).RootElement.GetProperty("answerToken").GetString());
        });
    }

    private static string Link(string token, string answer) =>
        $"/api/meetings/invitations/answer?token={Uri.EscapeDataString(token)}&answer={answer}";

    /// <summary>What the page's confirm button sends: the token in the form body.</summary>
    private Task<HttpResponseMessage> ConfirmAsync(string token, string answer) =>
        Anonymous.PostAsync(ConfirmPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["answer"] = answer }), TestContext.Current.CancellationToken);

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
