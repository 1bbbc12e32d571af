using KollegialtUtbyte.Notifications.Data;
using KollegialtUtbyte.Notifications.Domain;
using KollegialtUtbyte.Notifications.Domain.Mails;
using KollegialtUtbyte.Portal.Tests.Programme;
using KollegialtUtbyte.Portal.Tests.Team;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Portal.Tests.Start;

/// <summary>After sign-in each group lands on what needs it now, on the published demo programme.</summary>
public sealed class StartPageTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>
{
    private const string SormlandProjectLeader = "helena.bergkvist@regionsormland.example";
    private const string Facilitator = "charlotte.wiberg@ramboll.example";
    private static readonly Guid FacilitatorId = Guid.Parse("52ab115b-80e7-5900-ac51-05cee0be4603");

    [Fact]
    public async Task A_politician_answers_her_first_invitation_from_the_start_page_with_the_keyboard_only()
    {
        await TeamSteps.PublishDemoProgrammeAsync(suite, TeamSteps.SormlandPolitician);
        var page = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(page, TeamSteps.SormlandPolitician);

        // What she needs: her invitations with a button each, the quota, the calendar link, the protocols to come.
        var invitations = page.GetByTestId("start-invitation");
        await Assertions.Expect(invitations).ToHaveCountAsync(6);
        await Assertions.Expect(invitations.First.GetByTestId("start-answer")).ToHaveTextAsync("Inte svarat");
        var quota = page.GetByTestId("start-quota");
        await Assertions.Expect(quota).ToContainTextAsync(new Regex(@"0 av \d+"));
        var required = Regex.Match(await quota.Locator(".start-figure").InnerTextAsync(), @"0 av (\d+)").Groups[1].Value;
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skapa eller förnya din kalenderlänk" })).ToHaveAttributeAsync("href", "/mina-traffar#calendar-heading");
        await Assertions.Expect(page.GetByText("Inga protokoll än.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("start-politician");

        // Keyboard only: Tab from the top of the page to the first meeting's accept button, then Enter.
        var accept = invitations.First.GetByRole(AriaRole.Button, new() { Name = "Tacka ja" });
        var reached = false;
        for (var i = 0; i < 40 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await accept.EvaluateAsync<bool>("b => b === document.activeElement");
        }

        Assert.True(reached, "The first invitation's accept button is reachable with Tab from the start page.");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ditt svar är sparat.");
        await Assertions.Expect(invitations.First.GetByTestId("start-answer")).ToHaveTextAsync("Kommer");
        await Assertions.Expect(quota.Locator(".start-figure")).ToHaveTextAsync($"1 av {required}");
        await page.AssertAccessibleAsync("start-politician-answered");

        // The same start page in English.
        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your invitations", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(quota.Locator(".start-figure")).ToHaveTextAsync($"1 of {required}");
        await Assertions.Expect(invitations.First.GetByTestId("start-answer")).ToHaveTextAsync("Attending");
        await page.AssertAccessibleAsync("start-politician-english");
    }

    [Fact]
    public async Task A_project_leader_sees_the_next_meeting_with_who_of_the_team_answered_and_the_work_ahead()
    {
        await TeamSteps.PublishDemoProgrammeAsync(suite, SormlandProjectLeader);
        var page = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(page, SormlandProjectLeader);

        var next = page.GetByTestId("start-next-meeting");
        await Assertions.Expect(next).ToContainTextAsync("Träff 1:");
        // The politician may have answered in another journey of this suite; the project leader has not.
        var answers = page.GetByTestId("start-team-answers");
        await Assertions.Expect(answers.Locator("caption")).ToContainTextAsync(new Regex(@"^Så har Region Sörmland svarat\s*\([01] av [1-9]\d* har svarat\)$"));
        await Assertions.Expect(answers.GetByRole(AriaRole.Row, new() { Name = "Helena Bergkvist" })).ToContainTextAsync(new Regex(@"Projektledare\s*Inte svarat$"));
        await Assertions.Expect(page.GetByText("Teamet har inga öppna åtgärder från godkända protokoll.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Inget utkast är ute på återkoppling.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ni har ingen återkoppling att ge just nu.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("start-team");

        // Each item leads to where it is handled: the meeting to the answer on "my meetings".
        await next.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina träffar", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("invitation").First.GetByRole(AriaRole.Button, new() { Name = "Tacka ja" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_facilitator_sees_the_meetings_she_leads_with_their_agendas_and_documentation()
    {
        await LetTheFacilitatorLeadTheSixthMeetingAsync();
        var page = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(page, Facilitator);

        var meetings = page.GetByTestId("start-facilitated-meeting");
        await Assertions.Expect(meetings.First).ToBeVisibleAsync();
        var first = meetings.First;
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Dagordning \(\d+ punkter\)") })).ToBeVisibleAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Dokumentation \(skrivs efter träffen\)") })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("start-facilitator");

        await first.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Dagordning") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/processledare/traffar/[0-9a-f-]+/dagordning$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_heading_focused_after_a_page_load_shows_its_focus_ring_to_keyboard_users_only()
    {
        var page = await browser.NewPageAsync(suite.Address);
        var heading = page.Locator("h1");
        const string Ring = "h => getComputedStyle(h).outlineStyle !== 'none'";

        // Signed in with the mouse: the start page's heading takes the focus, without a ring.
        await TeamSteps.SignInAsync(page, Facilitator);
        await Assertions.Expect(heading).ToBeFocusedAsync();
        Assert.False(await heading.EvaluateAsync<bool>(Ring), "No focus ring on the heading after a mouse click.");

        // Following a link with the keyboard: the next page's heading shows where focus is.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Mina träffar" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(heading).ToHaveTextAsync("Mina träffar");
        await Assertions.Expect(heading).ToBeFocusedAsync();
        Assert.True(await heading.EvaluateAsync<bool>(Ring), "A focus ring on the heading after the keyboard.");
    }

    [Fact]
    public async Task The_administrator_sees_the_mails_that_failed_delivery_and_is_led_to_the_team_where_the_address_is_corrected()
    {
        var leader = await MailTheServerRefusedAsync(SormlandProjectLeader, "Inbjudan: Träff 2, Hållbar styrning");
        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);

        var toDo = page.GetByTestId("start-to-do").GetByRole(AriaRole.Link, new() { Name = "1 utskick gick inte fram: se vilka och rätta adresserna" });
        await Assertions.Expect(toDo).ToBeVisibleAsync();
        var failed = page.GetByTestId("start-failed-mails");
        await Assertions.Expect(failed.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Utskick som inte gick fram (1)");
        var row = failed.Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("th")).ToContainTextAsync(leader.Name);
        await Assertions.Expect(row.Locator("th")).ToContainTextAsync(SormlandProjectLeader);
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("Inbjudan: Träff 2, Hållbar styrning");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("Inbjudan till träff");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("SmtpCommandException: 550 5.1.1 Mailbox unavailable [link removed]");
        await page.AssertAccessibleAsync("start-administrator-failed-mails");

        // The to-do item leads to the list, and the name to the team where the address is corrected.
        await toDo.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#admin-mails-heading$"));
        await row.Locator("th").GetByRole(AriaRole.Link, new() { Name = leader.Name }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/admin/regioner#team-[0-9a-f-]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Regioner och team");
        await Assertions.Expect(page.Locator(new Uri(page.Url).Fragment).GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync("Sörmland");
    }

    // A mail the mail server refused for good, as the dispatcher records it (with a link the server quoted back).
    private async Task<Person> MailTheServerRefusedAsync(string email, string subject)
    {
        var person = await Eventually.UntilAsync(
            () => QueryNotificationsAsync(db => db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Email == email)),
            p => p is not null,
            $"{email} has reached the notifications service",
            TimeSpan.FromSeconds(150));
        await Eventually.UntilAsync(
            () => QueryNotificationsAsync(db => db.TeamMemberships.AnyAsync(t => t.PersonId == person!.PersonId)),
            $"{email}'s team place has reached the notifications service",
            TimeSpan.FromSeconds(150));
        await QueryNotificationsAsync(async db =>
        {
            var now = suite.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var mail = OutgoingMail.ToPerson($"test-refused:{Guid.NewGuid()}", MailKind.MeetingInvitation, person!.PersonId, "{}", now);
            mail.Rendered(subject);
            mail.GiveUp($"SmtpCommandException: 550 5.1.1 Mailbox unavailable {suite.Address}api/meetings/invitations/answer?token=c2VjcmV0LXRva2VuLXZhbHVlLTEyMzQ1Ng", now, attempted: true);
            db.OutgoingMails.Add(mail);
            return await db.SaveChangesAsync();
        });
        return person!;
    }

    private async Task<T> QueryNotificationsAsync<T>(Func<NotificationsDb, Task<T>> query)
    {
        await using var scope = suite.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDb>());
    }

    // The seed names no facilitator for the meetings: the administrator gives her the last one, at the same time and place.
    private async Task LetTheFacilitatorLeadTheSixthMeetingAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = await suite.ApiAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var sixth = (await api.MeetingsAsync()).Single(m => m.GetProperty("number").GetInt32() == 6);
        using var changed = await api.PutAsJsonAsync($"/api/meetings/{sixth.GetProperty("id").GetGuid()}", new
        {
            number = 6,
            title = sixth.GetProperty("title").GetString(),
            theme = sixth.GetProperty("theme").GetString(),
            startsAt = sixth.GetProperty("startsAt").GetDateTimeOffset(),
            endsAt = sixth.GetProperty("endsAt").GetDateTimeOffset(),
            venue = sixth.GetProperty("venue").GetString(),
            onlineLink = sixth.GetProperty("onlineLink").GetString(),
            facilitatorIds = new[] { FacilitatorId },
            version = sixth.GetProperty("version").GetInt64(),
        }, ct);
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync(ct));
    }
}
