using System.IO.Compression;
using Npgsql;

namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>
/// The right to erasure on the distributed suite, through the gateway: a team member who was
/// invited, took part and was named in approved meeting documentation asks to be erased; an
/// administrator grants it; every service erases her over RabbitMQ. Afterwards no answer of the
/// API, no export and no mail record names her, except the approved documentation, which is a
/// public record and keeps the names as approved.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class PersonalDataErasureTests(DistributedSuite suite)
{
    private static readonly Guid Västerbotten = Guid.Parse("70cf7221-eb22-528c-a284-6140f693ab20");
    private const string Name = "Rut Raderasdotter";
    private const string Phone = "070-987 65 43";
    private const string Theme = "Radering";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_her_erasure_nothing_but_approved_documentation_names_her()
    {
        var admin = await suite.ClientAsync(DistributedSuite.AdministratorEmail, suite.AdministratorPassword);
        var programmeId = await ProgrammeAsync(admin);
        var email = $"rut.{Guid.NewGuid():N}"[..20] + "@regionvasterbotten.example";
        await (await admin.PostJsonAsync($"/api/regions/programmes/{programmeId}/regions", new { regionId = Västerbotten })).ReadAsync(HttpStatusCode.Created);
        var personId = await TestProgramme.AddTeamMemberAsync(admin, programmeId, Västerbotten, "KeyOfficial", new
        {
            name = Name,
            email,
            phone = Phone,
            title = "Utvecklingsledare",
            regionId = Västerbotten,
            preferredLanguage = "sv",
            gender = "woman",
        });
        var password = await suite.ActivateAccountAsync(email);

        // Two meetings just ahead, published (she is invited to both and mailed), then held once begun.
        var start = DateTimeOffset.UtcNow.AddSeconds(40);
        var first = await ScheduleAsync(admin, programmeId, 1, start, start.AddSeconds(5));
        var second = await ScheduleAsync(admin, programmeId, 2, start.AddSeconds(6), start.AddHours(2));
        await Eventually.UntilAsync(
            async () =>
            {
                var plan = await admin.GetJsonAsync($"/api/meetings/programmes/{programmeId}");
                var published = await admin.PostJsonAsync($"/api/meetings/programmes/{programmeId}/publish", new { version = plan.GetProperty("version").GetInt64() });
                return published.IsSuccessStatusCode;
            },
            published => published,
            "the plan was published",
            TimeSpan.FromSeconds(90));

        // Her invitations come with the publication, or from the news of her team when that reaches
        // Meetings over the bus only after it: either way she is mailed both.
        await suite.Mail.WaitForAsync(2, m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase) && m.CalendarPart is not null, "invitation mails to her");
        await TestProgramme.HoldAsync(admin, [first, second], TimeSpan.FromSeconds(120));

        // She took part in the first meeting, which is documented and approved with her among the
        // participants and owning an action; the second one's documentation is still a draft naming her.
        await RecordPresentAsync(admin, first, personId);
        await DocumentAsync(admin, first, personId, approve: true);
        await DocumentAsync(admin, second, personId, approve: false);
        var approvedBefore = await admin.GetStringAsync($"/api/meetings/{first}/documentation", Ct);
        Assert.Contains(Name, approvedBefore, StringComparison.Ordinal);

        // She asks; an administrator grants it; every service answers.
        using (var herself = await suite.ClientAsync(email, password))
        {
            var asked = await (await herself.PostJsonAsync($"/api/regions/people/{personId}/erasures", new { reason = "Jag har bytt arbetsgivare." })).ReadAsync(HttpStatusCode.Accepted);
            Assert.Equal("Requested", asked.GetProperty("state").GetString());
            var erasureId = asked.GetProperty("id").GetGuid();
            await (await admin.PostJsonAsync($"/api/regions/erasures/{erasureId}/decision", new { approve = true, reason = (string?)null })).ReadAsync();
            var done = await Eventually.UntilAsync(
                () => admin.GetJsonAsync($"/api/regions/erasures/{erasureId}"),
                e => e.GetProperty("state").GetString() == "Complete",
                "every service erased her",
                TimeSpan.FromSeconds(120));
            Assert.All(done.GetProperty("services").EnumerateArray(), s => Assert.True(s.GetProperty("erased").GetBoolean()));
            Assert.Equal(
                ["feedback", "identity", "meetings", "notifications", "regions"],
                done.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("service").GetString()).Order(StringComparer.Ordinal));
        }

        // Her account is gone: signing in is refused as for an address nobody has.
        Assert.Equal(HttpStatusCode.BadRequest, (await suite.TrySignInAsync(email, password)).StatusCode);

        // The directory shows what she did, not who she was.
        var erased = await admin.GetJsonAsync($"/api/regions/people/{personId}");
        Assert.Equal("Borttagen person", erased.GetProperty("name").GetString());

        // No answer names her: the directory, the team, the invitations, the actions, the draft, the accounts, the audit logs.
        string[] answers =
        [
            $"/api/regions/people/{personId}",
            $"/api/regions/people?programmeId={programmeId}&pageSize=100",
            $"/api/regions/programmes/{programmeId}/teams/{Västerbotten}",
            $"/api/meetings/{first}/invitations",
            $"/api/meetings/{second}/invitations",
            $"/api/meetings/programmes/{programmeId}/actions",
            $"/api/meetings/{second}/documentation",
            $"/api/identity/accounts?search={Uri.EscapeDataString(email)}",
            $"/api/regions/admin/audit?personId={personId}",
            $"/api/identity/admin/audit?personId={personId}",
            $"/api/meetings/admin/audit?personId={personId}",
            $"/api/feedback/admin/audit?personId={personId}",
            $"/api/notifications/admin/audit?personId={personId}",
            "/api/notifications/mails/failed",
        ];
        foreach (var path in answers)
        {
            using var response = await admin.GetAsync(path, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
            AssertDoesNotName(body, email, path);
        }

        // The approved documentation is a public record: unchanged, names as approved.
        Assert.Equal(approvedBefore, await admin.GetStringAsync($"/api/meetings/{first}/documentation", Ct));

        // What the suite still holds about her, as an export shows it, names her nowhere.
        var export = await (await admin.PostJsonAsync($"/api/regions/people/{personId}/personal-data-exports", new { })).ReadAsync(HttpStatusCode.Accepted);
        var exportId = export.GetProperty("id").GetGuid();
        var complete = await Eventually.UntilAsync(
            () => admin.GetJsonAsync($"/api/regions/personal-data-exports/{exportId}"),
            s => s.GetProperty("state").GetString() == "Complete",
            "every service answered the export of the erased person",
            TimeSpan.FromSeconds(90));
        using var archive = await admin.GetAsync(complete.GetProperty("archiveUrl").GetString(), Ct);
        foreach (var (file, text) in Unzip(await archive.Content.ReadAsByteArrayAsync(Ct)))
        {
            AssertDoesNotName(text, email, file);
        }

        // No mail waiting to go out, and no record of a mail sent, holds her name or address.
        await using var notifications = new NpgsqlConnection(suite.DatabaseOf("Notifications"));
        await notifications.OpenAsync(Ct);
        await using var mails = new NpgsqlCommand("""SELECT count(*) FROM "OutgoingMails" m WHERE m::text ILIKE @email OR m::text ILIKE @name""", notifications);
        mails.Parameters.AddWithValue("email", $"%{email}%");
        mails.Parameters.AddWithValue("name", $"%{Name}%");
        Assert.Equal(0L, (long)(await mails.ExecuteScalarAsync(Ct))!);
    }

    private static void AssertDoesNotName(string text, string email, string where)
    {
        Assert.False(text.Contains(Name, StringComparison.Ordinal), $"{where} still names her: {text}");
        Assert.False(text.Contains(email, StringComparison.OrdinalIgnoreCase), $"{where} still holds her e-mail: {text}");
        Assert.False(text.Contains(Phone, StringComparison.Ordinal), $"{where} still holds her phone: {text}");
    }

    private static Task<Guid> ProgrammeAsync(HttpClient admin) =>
        TestProgramme.RegisterAsync(admin, $"Radering {Guid.NewGuid():N}"[..30], Theme, DateOnly.FromDateTime(DateTime.UtcNow));

    private static Task<Guid> ScheduleAsync(HttpClient admin, Guid programmeId, int number, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        TestProgramme.ScheduleAsync(admin, programmeId, number, Theme, "Umeå", startsAt, endsAt);

    private static async Task RecordPresentAsync(HttpClient admin, Guid meetingId, Guid personId) =>
        await Eventually.UntilAsync(
            async () =>
            {
                var meeting = await admin.GetJsonAsync($"/api/meetings/{meetingId}");
                var recorded = await admin.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance", new
                {
                    entries = new[] { new { personId, status = "Present" } },
                    version = meeting.GetProperty("version").GetInt64(),
                }, Ct);
                return recorded.StatusCode == HttpStatusCode.OK;
            },
            "her attendance was recorded", TimeSpan.FromSeconds(60));

    /// <summary>Writes documentation with a decision and an action she owns, and approves it when asked to.</summary>
    private static async Task DocumentAsync(HttpClient admin, Guid meetingId, Guid ownerId, bool approve)
    {
        var draft = await (await admin.PutAsJsonAsync($"/api/meetings/{meetingId}/documentation", new
        {
            summary = (string?)null,
            points = new[] { new { text = "Uppföljning", decision = "Regionen tar fram en plan", subPoints = (object[]?)null } },
            workshopOutcomes = (object[]?)null,
            attachments = (object[]?)null,
            version = 0,
        }, Ct)).ReadAsync();
        await (await admin.PostJsonAsync($"/api/meetings/{meetingId}/documentation/points/1/actions", new
        {
            what = $"Ta fram en plan ({meetingId:N})",
            ownerPersonId = ownerId,
            ownerRegionId = (Guid?)null,
            dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60),
        })).ReadAsync(HttpStatusCode.Created);
        if (approve)
        {
            await (await admin.PostJsonAsync($"/api/meetings/{meetingId}/documentation/approve", new { version = draft.GetProperty("version").GetInt64() })).ReadAsync();
        }
    }

    private static Dictionary<string, string> Unzip(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }
}
