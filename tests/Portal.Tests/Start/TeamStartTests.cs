using System.Net.Http.Headers;
using KollegialtUtbyte.Portal.Tests.Programme;
using KollegialtUtbyte.Portal.Tests.Team;

namespace KollegialtUtbyte.Portal.Tests.Start;

/// <summary>
/// The start pages once the programme is under way: the team sees who of it answered the next
/// meeting, its draft out for feedback, the feedback it owes another region and the actions it owns;
/// the politician finds the protocol of the meeting she attended.
/// </summary>
public sealed class TeamStartTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>, IAsyncLifetime
{
    private const string ProjectLeader = "helena.bergkvist@regionsormland.example";
    private const string KeyOfficial = "jonas.ekdahl@regionsormland.example";
    private const string VarmlandOfficial = "erik.holmgren@regionvarmland.example";
    private static readonly Guid Sormland = Guid.Parse("39dfd50d-b56e-5774-afd6-6ed06588148f");
    private static readonly Guid PoliticianId = Guid.Parse("bf9654fa-9a33-5816-addd-f417eb2ab170");
    private static readonly string[] Lenses = ["gt-forandringslogik", "agenda2030-05"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Set-up the journeys do not show. The programme is made to start today and its first meeting a
    /// minute and a half from now; the plan is published, the meeting held with the politician present,
    /// documented with one decision and an overdue action for Sörmland, and approved. For the second
    /// meeting the politician has said yes and the key official no. Sörmland asks one region for feedback on a
    /// draft; Värmland asks every other region, Sörmland among them.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        using var api = await suite.ApiAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var programmeUrl = $"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}";
        var first = (await api.MeetingsAsync()).Single(m => m.GetProperty("number").GetInt32() == 1 && m.GetProperty("status").GetString() != "Cancelled");
        var meetingId = first.GetProperty("id").GetGuid();
        if (first.GetProperty("status").GetString() == "Documented")
        {
            return;
        }

        var today = await api.StartFirstMeetingSoonAsync(first, TimeSpan.FromSeconds(90));
        await TeamSteps.PublishDemoProgrammeAsync(suite, TeamSteps.SormlandPolitician);
        await TeamSteps.PublishDemoProgrammeAsync(suite, KeyOfficial);
        var second = (await api.MeetingsAsync()).Single(m => m.GetProperty("number").GetInt32() == 2).GetProperty("id").GetGuid();
        await AnswerAsync(TeamSteps.SormlandPolitician, second, "Accepted");
        await AnswerAsync(KeyOfficial, second, "Declined");

        await Eventually.UntilAsync(
            async () =>
            {
                var published = await api.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}", Ct);
                return (await api.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance", new
                {
                    entries = new[] { new { personId = PoliticianId, status = "Present" } },
                    version = published.GetProperty("version").GetInt64(),
                }, Ct)).IsSuccessStatusCode;
            },
            "the meeting has started and the politician's attendance is recorded",
            TimeSpan.FromSeconds(200));
        var draft = await ProgrammeSteps.Succeeded(await api.PutAsJsonAsync($"/api/meetings/{meetingId}/documentation", new
        {
            summary = (string?)null,
            points = new[] { new { text = "Förankring av strategierna", decision = "Varje region förankrar sin strategi i regionledningen", subPoints = (object?)null } },
            version = 0,
        }, Ct));
        await ProgrammeSteps.Succeeded(await api.PostAsJsonAsync(
            $"/api/meetings/{meetingId}/documentation/points/1/actions",
            new { what = "Förankra strategin i regionledningen", ownerRegionId = Sormland, dueOn = today.AddDays(-3) },
            Ct));
        await ProgrammeSteps.Succeeded(await api.PostAsJsonAsync($"/api/meetings/{meetingId}/documentation/approve", new { version = draft.GetProperty("version").GetInt64() }, Ct));

        await AskForFeedbackAsync(KeyOfficial, "Sörmlandsstrategin", reviewers: 1);
        var round = await AskForFeedbackAsync(VarmlandOfficial, "Värmlandsstrategin", reviewers: 5);
        Assert.Contains(Sormland, round.GetProperty("reviewers").EnumerateArray().Select(r => r.GetProperty("regionId").GetGuid()));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_project_leader_sees_who_of_the_team_answered_the_drafts_in_feedback_the_feedback_owed_and_the_teams_actions()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(page, ProjectLeader);

        // The first meeting is held: the next is the second.
        await Assertions.Expect(page.GetByTestId("start-next-meeting")).ToContainTextAsync("Träff 2:");
        var answers = page.GetByTestId("start-team-answers");
        await Assertions.Expect(answers).ToHaveCountAsync(1);
        await Assertions.Expect(answers.Locator("caption")).ToContainTextAsync(new Regex(@"^Så har Region Sörmland svarat\s*\(2 av \d+ har svarat\)$"));
        await Assertions.Expect(answers.GetByRole(AriaRole.Row, new() { Name = "Lars-Göran Nyberg" })).ToContainTextAsync(new Regex(@"Politiker\s*Kommer$"));
        await Assertions.Expect(answers.GetByRole(AriaRole.Row, new() { Name = "Jonas Ekdahl" })).ToContainTextAsync(new Regex(@"Tjänsteperson med nyckelfunktion\s*Kommer inte$"));
        await Assertions.Expect(answers.GetByRole(AriaRole.Row, new() { Name = "Helena Bergkvist" })).ToContainTextAsync(new Regex(@"Projektledare\s*Inte svarat$"));

        var drafts = page.GetByTestId("start-team-drafts").GetByRole(AriaRole.Listitem);
        await Assertions.Expect(drafts).ToHaveCountAsync(1);
        await Assertions.Expect(drafts).ToContainTextAsync(new Regex(@"^Sörmlandsstrategin\s+\(version 1\):\s+väntar på 1 granskande regioner, senast \S+ \d+ \S+ \d{4}$"));
        var owed = page.GetByTestId("start-team-owed").GetByRole(AriaRole.Listitem);
        await Assertions.Expect(owed).ToHaveCountAsync(1);
        await Assertions.Expect(owed).ToContainTextAsync(new Regex(@"^Region Värmland: Värmlandsstrategin,\s+senast\s+\S+ \d+ \S+ \d{4}$"));
        var actions = page.GetByTestId("start-team-actions").GetByRole(AriaRole.Listitem);
        await Assertions.Expect(actions).ToHaveCountAsync(1);
        await Assertions.Expect(actions).ToContainTextAsync(new Regex(@"^Förankra strategin i regionledningen\s+\(Region Sörmland\),\s+senast\s+\S+ \d+ \S+ \d{4}, försenad$"));
        await page.AssertAccessibleAsync("start-team-under-way");

        // Each item leads to where it is handled.
        await owed.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/team/granska/[0-9a-f-]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Värmlandsstrategin");
        await page.GoBackAsync();
        await actions.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/mina-atgarder#action-[0-9a-f]{32}$"));
        await Assertions.Expect(page.Locator(new Uri(page.Url).Fragment)).ToHaveTextAsync("Förankra strategin i regionledningen");
        await page.GoBackAsync();
        await drafts.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sörmlandsstrategin");

        // The same start page in English.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The team's open actions", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(answers.GetByRole(AriaRole.Row, new() { Name = "Jonas Ekdahl" })).ToContainTextAsync(new Regex(@"Official with a key function\s*Not attending$"));
        await Assertions.Expect(actions).ToContainTextAsync("overdue");
        await page.AssertAccessibleAsync("start-team-under-way-english");
    }

    [Fact]
    public async Task The_politician_finds_the_protocol_of_the_meeting_she_attended_on_her_start_page()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(page, TeamSteps.SormlandPolitician);

        var protocols = page.GetByTestId("start-protocols").GetByRole(AriaRole.Link);
        await Assertions.Expect(protocols).ToHaveCountAsync(1);
        await Assertions.Expect(protocols).ToHaveTextAsync(new Regex("^Träff 1: "));
        // Against the quota count the meeting she attended and the one she has said yes to.
        await Assertions.Expect(page.GetByTestId("start-quota").Locator(".start-figure")).ToHaveTextAsync(new Regex(@"^2 av [3-9]$"));
        // The held meeting is no longer one to answer: five invitations are left.
        await Assertions.Expect(page.GetByTestId("start-invitation")).ToHaveCountAsync(5);
        await page.AssertAccessibleAsync("start-politician-after-a-meeting");

        await protocols.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Träff 1");
        await Assertions.Expect(page.GetByText("Varje region förankrar sin strategi i regionledningen")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("start-politician-protocol");
    }

    [Fact]
    public async Task Without_javascript_a_politician_declines_an_invitation_from_the_start_page()
    {
        await TeamSteps.PublishDemoProgrammeAsync(suite, TeamSteps.VarmlandPolitician);
        // The plain form post, as a browser without scripts sends it (antiforgery token included).
        var context = await browser.Instance.NewContextAsync(new() { BaseURL = suite.Address.ToString(), Locale = "sv-SE", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await TeamSteps.SignInAsync(page, TeamSteps.VarmlandPolitician);

        var last = page.GetByTestId("start-invitation").Last;
        await Assertions.Expect(last.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync("Träff 6:");
        await last.GetByRole(AriaRole.Button, new() { Name = "Tacka nej" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ditt svar är sparat.");
        await Assertions.Expect(page.GetByTestId("start-invitation").Last.GetByTestId("start-answer")).ToHaveTextAsync("Kommer inte");
        using var politician = await TeamSteps.ApiAsync(suite, TeamSteps.VarmlandPolitician);
        var mine = (await politician.GetFromJsonAsync<List<JsonElement>>("/api/meetings/invitations/mine", Ct))!;
        Assert.Equal("Declined", mine.MaxBy(i => i.GetProperty("startsAt").GetDateTimeOffset()).GetProperty("answer").GetString());
        await context.CloseAsync();
    }

    private async Task AnswerAsync(string email, Guid meetingId, string answer)
    {
        using var person = await TeamSteps.ApiAsync(suite, email);
        var invitation = (await person.GetFromJsonAsync<List<JsonElement>>("/api/meetings/invitations/mine", Ct))!
            .Single(i => i.GetProperty("meetingId").GetGuid() == meetingId);
        await ProgrammeSteps.Succeeded(await person.PutAsJsonAsync(
            $"/api/meetings/invitations/{invitation.GetProperty("id").GetGuid()}/answer",
            new { answer, comment = (string?)null, version = invitation.GetProperty("version").GetInt64() },
            Ct));
    }

    // A document with one draft version, and a feedback round on it; the reviewer pool is Feedback's own copy of the teams.
    private async Task<JsonElement> AskForFeedbackAsync(string email, string title, int reviewers)
    {
        using var author = await TeamSteps.ApiAsync(suite, email);
        var document = await ProgrammeSteps.Succeeded(await author.PostAsJsonAsync("/api/feedback/documents", new { title, kind = "RegionalDevelopmentStrategy", description = (string?)null }, Ct));
        var documentId = document.GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "utkast.pdf");
            await ProgrammeSteps.Succeeded(await author.PostAsync($"/api/feedback/documents/{documentId}/versions", form, Ct));
        }

        JsonElement? opened = null;
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await author.PostAsJsonAsync(
                    $"/api/feedback/documents/{documentId}/versions/1/rounds",
                    new { deadline = DateTimeOffset.UtcNow.AddDays(14), lensCodes = Lenses, reviewerCount = reviewers },
                    Ct);
                opened = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(Ct) : null;
                return opened is not null;
            },
            $"{title}: a feedback round could be opened",
            TimeSpan.FromSeconds(60));
        return opened!.Value;
    }
}
