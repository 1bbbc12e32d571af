using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using KollegialtUtbyte.Calendar;

namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>
/// A programme run end to end on the distributed suite, only through the gateway: the plan is
/// published and everyone invited by mail (while the mail service is killed and restarted), a new
/// team member activates their account, a politician meets the quota, and a region's draft gets
/// its peer feedback and answers it. One trace follows the publication into the mail service.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ProgrammeJourneyTests(DistributedSuite suite)
{
    private static readonly Guid Sörmland = Guid.Parse("39dfd50d-b56e-5774-afd6-6ed06588148f");
    private static readonly Guid Värmland = Guid.Parse("c9873403-1025-5a91-91a7-f6119ee17ebb");
    private static readonly Guid Kronoberg = Guid.Parse("f7583c3f-ac9b-5a4c-99ec-27e155a8594f");
    private static readonly Guid Halland = Guid.Parse("50ed05c3-f3a6-5555-a29f-95577922248a");
    private static readonly string Programme = DistributedSuite.ProgrammeId.ToString();

    [Fact]
    public async Task A_programme_runs_end_to_end_through_the_gateway()
    {
        var admin = await suite.ClientAsync(DistributedSuite.AdministratorEmail, suite.AdministratorPassword);
        var invitees = DemoPeople.All.Where(p => p.Teams?.Any(t => t.ProgrammeId == DistributedSuite.ProgrammeId) == true).ToList();

        // The seeded draft plan: six meetings over the five themes, all ahead of today.
        var meetings = await Eventually.UntilAsync(
            () => admin.GetJsonAsync($"/api/meetings/programmes/{Programme}/meetings"),
            list => list.GetArrayLength() == 6,
            "the six draft meetings of the demo programme are there");
        Assert.Equal(5, meetings.EnumerateArray().Select(m => m.GetProperty("theme").GetString()).Distinct().Count());
        var meetingIds = meetings.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
        _programmeMeetings.UnionWith(meetingIds.Select(CalendarUids.ForMeeting));

        // Every team member is known to Meetings before the plan goes out (Regions' events).
        await Eventually.UntilAsync(
            async () => (await admin.GetJsonAsync($"/api/meetings/programmes/{Programme}/quota")).GetArrayLength() == 6,
            "the six regions' politicians reached Meetings", TimeSpan.FromSeconds(90));

        // The administrator publishes the plan, in a trace of the test's own.
        var traceId = ActivityTraceId.CreateRandom();
        var calendar = await admin.GetJsonAsync($"/api/meetings/programmes/{Programme}");
        using (var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/programmes/{Programme}/publish")
        {
            Content = JsonContent.Create(new { version = calendar.GetProperty("version").GetInt64() }),
        })
        {
            publish.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            var published = await (await admin.SendAsync(publish, TestContext.Current.CancellationToken)).ReadAsync();
            Assert.Equal(6, published.GetProperty("publishedMeetingIds").GetArrayLength());
        }

        // While the invitation mails are being written, the mail service is killed outright and restarted.
        var invitationMails = invitees.Count * meetingIds.Count;
        var beforeKill = await Eventually.UntilAsync(
            () => Task.FromResult(InvitationMails().Count), count => count > 0, "the first invitation mail was written");
        await suite["Notifications"].KillAsync();
        var atKill = InvitationMails().Count;
        await suite["Notifications"].StartAsync();
        Assert.True(atKill < invitationMails, $"the kill should interrupt the mailing ({atKill} of {invitationMails} written; first seen {beforeKill})");

        // Meetings itself invited each person once per meeting.
        foreach (var meetingId in meetingIds)
        {
            var active = await Eventually.UntilAsync(
                async () => (await admin.GetJsonAsync($"/api/meetings/{meetingId}/invitations")).EnumerateArray()
                    .Where(i => !i.GetProperty("withdrawn").GetBoolean()).Select(i => i.GetProperty("personId").GetGuid()).ToList(),
                ids => ids.Count >= invitees.Count,
                $"every team member was invited to meeting {meetingId}", TimeSpan.FromSeconds(90));
            Assert.Equal(invitees.Select(p => p.Id).Order(), active.Order());
        }

        // Every invitee has exactly one invitation mail per meeting, with a valid calendar entry
        // and one-click links through the gateway; nothing was lost or sent twice.
        var mails = await Eventually.UntilAsync(
            () => Task.FromResult(InvitationMails()), found => found.Count >= invitationMails,
            $"{invitationMails} invitation mails were written", TimeSpan.FromMinutes(3));
        Assert.Equal(invitationMails, mails.Count);
        Assert.Equal(mails.Count, mails.Select(m => (m.To, m.Event.Uid)).Distinct().Count());
        foreach (var invitee in invitees)
        {
            var own = mails.Where(m => string.Equals(m.To, invitee.Email, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(meetingIds.Select(CalendarUids.ForMeeting).Order(), own.Select(m => m.Event.Uid).Order());
            Assert.All(own, m =>
            {
                Assert.Equal("REQUEST", m.Calendar.Method);
                Assert.Equal("Europe/Stockholm", m.Event.DtStart!.TzId);
                Assert.Contains(m.TextLinks, l => l.Authority == suite.Gateway.Authority && l.AbsolutePath == "/api/meetings/invitations/answer" && l.Query.Contains("answer=accepted", StringComparison.Ordinal));
            });
        }

        // One trace: the gateway, the Meetings request, its outbox and the mail service's consumer.
        var spans = await Eventually.UntilAsync(
            () => Task.FromResult(Spans(traceId.ToHexString())),
            found => found.Any(s => s.Service == "notifications" && s.Kind == "Consumer"),
            "the mail service's consumer span joined the publication's trace");
        Assert.Contains(spans, s => s.Service == "gateway" && s.Kind == "Server");
        Assert.Contains(spans, s => s.Service == "meetings" && s.Kind == "Server");
        Assert.Contains(spans, s => s.Service == "meetings" && s.Source == "KollegialtUtbyte.Outbox");

        // The accept link in a mail opens a page that changes nothing (mail scanners open links too);
        // its confirm button answers that one invitation.
        var hallandPolitician = DemoPeople.InRole(Halland, "Politician");
        var acceptLink = mails.First(m => string.Equals(m.To, hallandPolitician.Email, StringComparison.OrdinalIgnoreCase))
            .TextLinks.First(l => l.Query.Contains("answer=accepted", StringComparison.Ordinal));
        using (var anonymous = await suite.ClientAsync())
        {
            var page = await anonymous.GetAsync(acceptLink.PathAndQuery, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("<button type=\"submit\">", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Accepted", await AnswersOfAsync(admin, meetingIds, hallandPolitician.Id));

            var form = Regex.Match(html, "<form method=\"post\" action=\"(?<action>[^\"]+)\">");
            var fields = Regex.Matches(html, "<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")
                .ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
            Assert.True(form.Success, "the page has a form");
            Assert.DoesNotContain("token", form.Groups["action"].Value, StringComparison.Ordinal);
            var confirmed = await anonymous.PostAsync(WebUtility.HtmlDecode(form.Groups["action"].Value), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.DoesNotContain("<form", await confirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        await Eventually.UntilAsync(
            async () => (await AnswersOfAsync(admin, meetingIds, hallandPolitician.Id)).Contains("Accepted"),
            "the confirmed accept link marked the invitation accepted");

        await A_new_team_member_activates_the_account_and_signs_in(admin, meetingIds);
        await A_politician_who_accepts_three_meetings_meets_the_quota();
        await A_draft_gets_peer_feedback_that_the_author_region_answers();
    }

    private async Task A_new_team_member_activates_the_account_and_signs_in(HttpClient admin, IReadOnlyList<Guid> meetingIds)
    {
        var email = $"ny.projektledare.{Guid.NewGuid():N}"[..30] + "@kronoberg.example";
        var personId = await TestProgramme.AddTeamMemberAsync(admin, DistributedSuite.ProgrammeId, Kronoberg, "ProjectLeader", new
        {
            name = "Nora Nyström",
            email,
            title = "Projektledare",
            regionId = Kronoberg,
            preferredLanguage = "sv",
        });

        var password = await suite.ActivateAccountAsync(email);
        using var member = await suite.ClientAsync(email, password);
        var me = await member.GetJsonAsync("/api/regions/people/me");
        Assert.Equal(personId, me.GetProperty("id").GetGuid());

        // Joining after publication: invited to every meeting still ahead, by mail too, once per meeting.
        var own = await Eventually.UntilAsync(
            () => Task.FromResult(InvitationMails().Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)).ToList()),
            found => found.Count >= meetingIds.Count,
            "the new member's invitation mails arrived", TimeSpan.FromSeconds(90));
        Assert.Equal(meetingIds.Select(CalendarUids.ForMeeting).Order(), own.Select(m => m.Event.Uid).Order());
    }

    private async Task A_politician_who_accepts_three_meetings_meets_the_quota()
    {
        var politician = DemoPeople.InRole(Sörmland, "Politician");
        var password = await suite.ActivateAccountAsync(politician.Email);
        using var client = await suite.ClientAsync(politician.Email, password);

        var invitations = await client.GetJsonAsync("/api/meetings/invitations/mine");
        Assert.Equal(6, invitations.GetArrayLength());
        foreach (var invitation in invitations.EnumerateArray().Take(3))
        {
            await (await client.PutAsJsonAsync($"/api/meetings/invitations/{invitation.GetProperty("id").GetGuid()}/answer", new
            {
                answer = "Accepted",
                comment = (string?)null,
                version = invitation.GetProperty("version").GetInt64(),
            })).ReadAsync();
        }

        var quota = await client.GetJsonAsync($"/api/meetings/programmes/{Programme}/quota/mine");
        Assert.Equal((3, 3, true), (quota.GetProperty("accepted").GetInt32(), quota.GetProperty("required").GetInt32(), quota.GetProperty("met").GetBoolean()));
    }

    private async Task A_draft_gets_peer_feedback_that_the_author_region_answers()
    {
        var authorPerson = DemoPeople.InRole(Värmland, "ProjectLeader");
        using var author = await suite.ClientAsync(authorPerson.Email, await suite.ActivateAccountAsync(authorPerson.Email));

        var document = await (await author.PostJsonAsync("/api/feedback/documents", new
        {
            title = "Värmlandsstrategin",
            kind = "RegionalDevelopmentStrategy",
            description = "Regional utvecklingsstrategi – utkast för kollegial återkoppling",
        })).ReadAsync(HttpStatusCode.Created);
        var documentId = document.GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(TestDocuments.MinimalPdf());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "Värmlandsstrategin utkast.pdf");
            var version = await (await author.PostAsync($"/api/feedback/documents/{documentId}/versions", form)).ReadAsync(HttpStatusCode.Created);
            Assert.Equal("application/pdf", version.GetProperty("contentType").GetString());
        }

        // The reviewer pool is Feedback's own copy of the teams: open the round once it is complete.
        var round = await Eventually.UntilAsync(
            async () =>
            {
                var response = await author.PostJsonAsync($"/api/feedback/documents/{documentId}/versions/1/rounds", new
                {
                    deadline = DateTimeOffset.UtcNow.AddDays(14),
                    lensCodes = new[] { "gt-forandringslogik", "agenda2030-05" },
                    reviewerCount = 2,
                });
                return response.StatusCode == HttpStatusCode.Created ? await response.ReadAsync(HttpStatusCode.Created) : (JsonElement?)null;
            },
            opened => opened is not null,
            "a feedback round could be opened");
        var roundId = round!.Value.GetProperty("id").GetGuid();
        var reviewerRegions = round.Value.GetProperty("reviewers").EnumerateArray().Select(r => r.GetProperty("regionId").GetGuid()).ToList();
        Assert.Equal(2, reviewerRegions.Distinct().Count());
        Assert.DoesNotContain(Värmland, reviewerRegions);

        // One of the two regions writes and submits its feedback.
        var reviewerPerson = DemoPeople.InRole(reviewerRegions[0], "ProjectLeader");
        using (var reviewer = await suite.ClientAsync(reviewerPerson.Email, await suite.ActivateAccountAsync(reviewerPerson.Email)))
        {
            var draft = await (await reviewer.PutAsJsonAsync($"/api/feedback/rounds/{roundId}/feedback/{reviewerRegions[0]}", new
            {
                summary = "En tydlig strategi med god förankring; förändringslogiken kan göras mer konkret.",
                lenses = new[]
                {
                    new { lensCode = "gt-forandringslogik", strengths = "Tydliga mål.", suggestions = new[] { "Beskriv resurserna per mål.", "Lägg till uppföljningsindikatorer." } },
                    new { lensCode = "agenda2030-05", strengths = "Jämställdhet lyfts i analysen.", suggestions = new[] { "Könsuppdelad statistik i nulägesbilden." } },
                },
                version = 0,
            })).ReadAsync(HttpStatusCode.Created);
            await (await reviewer.PostJsonAsync($"/api/feedback/rounds/{roundId}/feedback/{reviewerRegions[0]}/submit", new { version = draft.GetProperty("version").GetInt64() })).ReadAsync();
        }

        // Hidden from the author region until the round closes; the author closes it early.
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync($"/api/feedback/rounds/{roundId}/feedback")).StatusCode);
        var current = await author.GetJsonAsync($"/api/feedback/rounds/{roundId}");
        await (await author.PostJsonAsync($"/api/feedback/rounds/{roundId}/close", new { version = current.GetProperty("version").GetInt64() })).ReadAsync();

        var released = await author.GetJsonAsync($"/api/feedback/rounds/{roundId}/feedback");
        var feedback = Assert.Single(released.EnumerateArray());
        var numbers = feedback.GetProperty("lenses").EnumerateArray()
            .SelectMany(l => l.GetProperty("suggestions").EnumerateArray())
            .Select(s => s.GetProperty("number").GetInt32())
            .ToList();
        Assert.Equal(3, numbers.Count);
        var answered = await (await author.PutAsJsonAsync($"/api/feedback/rounds/{roundId}/feedback/{reviewerRegions[0]}/responses", new
        {
            responses = numbers.Select(n => new { suggestionNumber = n, decision = n == 1 ? "Adopted" : "PartlyAdopted", note = $"Tas med i nästa version ({n})." }),
            version = feedback.GetProperty("version").GetInt64(),
        })).ReadAsync();
        Assert.All(
            answered.GetProperty("lenses").EnumerateArray().SelectMany(l => l.GetProperty("suggestions").EnumerateArray()),
            s => Assert.NotEqual(JsonValueKind.Null, s.GetProperty("decision").ValueKind));
    }

    /// <summary>The demo programme's meetings, by calendar UID: other tests of the suite invite to meetings of their own.</summary>
    private readonly HashSet<string> _programmeMeetings = [];

    private List<ReceivedMail> InvitationMails() =>
        suite.Mail.All().Where(m => m.CalendarPart is not null && m.Calendar.Method == "REQUEST" && _programmeMeetings.Contains(m.Event.Uid ?? "")).ToList();

    private sealed record Span(string Service, string Source, string Kind);

    private List<Span> Spans(string traceId)
    {
        if (!File.Exists(suite.TraceFile))
        {
            return [];
        }

        using var stream = new FileStream(suite.TraceFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var spans = new List<Span>();
        foreach (var line in reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // A process killed mid-write may leave a torn last line; skip it.
            try
            {
                var json = JsonDocument.Parse(line).RootElement;
                if (json.GetProperty("traceId").GetString() == traceId)
                {
                    spans.Add(new Span(json.GetProperty("service").GetString()!, json.GetProperty("source").GetString()!, json.GetProperty("kind").GetString()!));
                }
            }
            catch (JsonException)
            {
                continue;
            }
        }

        return spans;
    }

    /// <summary>The person's answers to the meetings' invitations, as their facilitators and the administrator see them.</summary>
    private static async Task<IReadOnlyList<string?>> AnswersOfAsync(HttpClient admin, IReadOnlyList<Guid> meetingIds, Guid personId) =>
        (await Task.WhenAll(meetingIds.Select(id => admin.GetJsonAsync($"/api/meetings/{id}/invitations"))))
            .SelectMany(list => list.EnumerateArray())
            .Where(i => i.GetProperty("personId").GetGuid() == personId)
            .Select(i => i.GetProperty("answer").GetString())
            .ToList();
}
