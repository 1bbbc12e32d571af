using System.Globalization;

namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>
/// Follow-up of decisions on the distributed suite, only through the gateway: an administrator
/// holds and documents meetings of a programme of its own, gives their decisions actions owned by
/// a person, and approves the documentation; Meetings' watcher reminds over RabbitMQ and the mail
/// service mails the owner once per reminder, in Swedish, naming the action and its due date.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ActionReminderTests(DistributedSuite suite)
{
    private static readonly Guid Kronoberg = Guid.Parse("f7583c3f-ac9b-5a4c-99ec-27e155a8594f");
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private const string Theme = "Uppföljning";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_owner_of_an_action_gets_one_reminder_mail_when_it_is_due_soon_and_one_when_it_is_overdue()
    {
        var admin = await suite.ClientAsync(DistributedSuite.AdministratorEmail, suite.AdministratorPassword);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Stockholm).DateTime);

        // A programme of the test's own: publishing its plan invites no team, so no other test's mail changes.
        var programmeId = await TestProgramme.RegisterAsync(admin, $"Uppföljning av beslut {Guid.NewGuid():N}"[..40], Theme, today);

        // Two meetings just ahead (time enough to publish them on a busy machine), published, then held once both have begun.
        var start = DateTimeOffset.UtcNow.AddSeconds(30);
        var first = await ScheduleAsync(admin, programmeId, 1, start, start.AddSeconds(5));
        var second = await ScheduleAsync(admin, programmeId, 2, start.AddSeconds(6), start.AddHours(2));
        var plan = await admin.GetJsonAsync($"/api/meetings/programmes/{programmeId}");
        var published = await (await admin.PostJsonAsync($"/api/meetings/programmes/{programmeId}/publish", new { version = plan.GetProperty("version").GetInt64() })).ReadAsync();
        Assert.Equal(0, published.GetProperty("invitationsIssued").GetInt32());
        await TestProgramme.HoldAsync(admin, [first, second], TimeSpan.FromSeconds(90));

        // The owner: a new person in Kronoberg's team of the programme, known to Meetings and the mail
        // service over the bus. The meetings have begun, so joining invites to none of them.
        var email = $"atgardsagare.{Guid.NewGuid():N}"[..30] + "@kronoberg.example";
        await (await admin.PostJsonAsync($"/api/regions/programmes/{programmeId}/regions", new { regionId = Kronoberg })).ReadAsync(HttpStatusCode.Created);
        var ownerId = await TestProgramme.AddTeamMemberAsync(admin, programmeId, Kronoberg, "ProjectLeader", new
        {
            name = "Åsa Åtgärdsson",
            email,
            title = "Utvecklingsstrateg",
            regionId = Kronoberg,
            preferredLanguage = "sv",
        });

        // Due tomorrow: within the days before the due date the owner is reminded.
        var dueSoon = new Action("Ta fram en kommunikationsplan för nätverket", today.AddDays(1));
        var firstRegistry = await DocumentWithActionAsync(admin, first, "Nätverket tar fram en kommunikationsplan", dueSoon, ownerId);
        var soonMail = await suite.Mail.WaitForOneAsync(m => IsTo(m, email) && m.PlainText.Contains(dueSoon.What, StringComparison.Ordinal), "the due-soon reminder to the owner");
        Assert.Equal($"Påminnelse: åtgärd att slutföra senast {dueSoon.DueText}", soonMail.Subject);
        Assert.Contains($"Åtgärden ”{dueSoon.What}” ska vara klar senast {dueSoon.DueText}.", soonMail.PlainText, StringComparison.Ordinal);
        Assert.Contains($"Punkt 1 i protokoll {firstRegistry}", soonMail.PlainText, StringComparison.Ordinal);
        Assert.Contains("Åsa Åtgärdsson", soonMail.PlainText, StringComparison.Ordinal);

        // Due yesterday, decided at the second meeting after the first reminder went out: its reminder
        // comes from a later pass of the watcher, which judged the first action again and left it be.
        var overdue = new Action("Sammanställ deltagarnas utvärderingar", today.AddDays(-1));
        var secondRegistry = await DocumentWithActionAsync(admin, second, "Utvärderingarna sammanställs", overdue, ownerId);
        var lateMail = await suite.Mail.WaitForOneAsync(m => IsTo(m, email) && m.PlainText.Contains(overdue.What, StringComparison.Ordinal), "the overdue reminder to the owner");
        Assert.Equal($"Försenad åtgärd: {overdue.What}", lateMail.Subject);
        Assert.Contains($"Åtgärden ”{overdue.What}” skulle ha varit klar {overdue.DueText} och är ännu inte avslutad.", lateMail.PlainText, StringComparison.Ordinal);
        Assert.Contains($"Punkt 1 i protokoll {secondRegistry}", lateMail.PlainText, StringComparison.Ordinal);

        // Still one mail each (and no invitation to the meetings already held).
        var ownMails = suite.Mail.To(email).Where(m => m.Subject.Contains("åtgärd", StringComparison.OrdinalIgnoreCase)).Select(m => m.Subject).ToList();
        Assert.Equal([lateMail.Subject, soonMail.Subject], ownMails.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(suite.Mail.To(email), m => m.CalendarPart is not null);

        // Each mail links, through the gateway, to its action on the portal page where the owner follows
        // actions up; signed out, the portal asks for sign-in and comes back there.
        var ids = Items(await admin.GetJsonAsync($"/api/meetings/programmes/{programmeId}/actions"))
            .ToDictionary(a => a.GetProperty("what").GetString()!, a => a.GetProperty("id").GetGuid());
        foreach (var (mail, action) in new[] { (soonMail, dueSoon), (lateMail, overdue) })
        {
            var link = Assert.Single(mail.TextLinks);
            Assert.Equal(
                (suite.Gateway.Authority, "/mina-atgarder", $"#action-{ids[action.What]:N}"),
                (link.Authority, link.AbsolutePath, link.Fragment));
            Assert.Contains(link, mail.HtmlLinks);
        }

        using (var signedOut = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = suite.Gateway })
        {
            var page = await signedOut.GetAsync("/mina-atgarder", Ct);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            var signIn = new Uri(suite.Gateway, page.Headers.Location!);
            Assert.Equal("/logga-in", signIn.AbsolutePath);
            Assert.Contains("returnUrl=%2Fmina-atgarder", signIn.Query, StringComparison.Ordinal);
        }

        // Signed in, the owner has both open, the second one overdue.
        using var ownerClient = await suite.ClientAsync(email, await suite.ActivateAccountAsync(email));
        var mine = await ownerClient.GetJsonAsync("/api/meetings/actions/mine");
        Assert.Equal(
            [(dueSoon.What, "Planned", false), (overdue.What, "Planned", true)],
            Items(mine).Where(a => a.GetProperty("programmeId").GetGuid() == programmeId)
                .Select(a => (a.GetProperty("what").GetString(), a.GetProperty("status").GetString(), a.GetProperty("overdue").GetBoolean()))
                .OrderBy(a => a.Item3));
    }

    private sealed record Action(string What, DateOnly DueOn)
    {
        public string DueText => DueOn.ToString("d MMMM yyyy", Swedish);
    }

    private static Task<Guid> ScheduleAsync(HttpClient admin, Guid programmeId, int number, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        TestProgramme.ScheduleAsync(admin, programmeId, number, Theme, "Växjö", startsAt, endsAt);

    /// <summary>Writes the documentation with one decision, gives it the action, approves it and returns the registry number.</summary>
    private static async Task<string> DocumentWithActionAsync(HttpClient admin, Guid meetingId, string decision, Action action, Guid ownerId)
    {
        var draft = await (await admin.PutAsJsonAsync($"/api/meetings/{meetingId}/documentation", new
        {
            summary = (string?)null,
            points = new[] { new { text = "Uppföljning", decision, subPoints = (object[]?)null } },
            workshopOutcomes = (object[]?)null,
            attachments = (object[]?)null,
            version = 0,
        }, Ct)).ReadAsync();

        // The owner reaches Meetings' directory over the bus; until then the owner is unknown (422).
        await Eventually.UntilAsync(
            async () => (await admin.PostJsonAsync($"/api/meetings/{meetingId}/documentation/points/1/actions", new
            {
                what = action.What,
                ownerPersonId = ownerId,
                ownerRegionId = (Guid?)null,
                dueOn = action.DueOn,
            })).StatusCode == HttpStatusCode.Created,
            $"the action '{action.What}' was created");
        var approved = await (await admin.PostJsonAsync($"/api/meetings/{meetingId}/documentation/approve", new { version = draft.GetProperty("version").GetInt64() })).ReadAsync();
        return approved.GetProperty("registryNumber").GetString()!;
    }

    private static bool IsTo(ReceivedMail mail, string address) => string.Equals(mail.To, address, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<JsonElement> Items(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : list.GetProperty("items").EnumerateArray();
}
