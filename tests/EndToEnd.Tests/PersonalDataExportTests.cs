using System.IO.Compression;

namespace KollegialtUtbyte.EndToEnd.Tests;

/// <summary>
/// A person's right of access on the distributed suite, through the gateway: she asks for her
/// data, every service answers over RabbitMQ from its own PostgreSQL database, and the archive she
/// downloads holds her data from each of them.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class PersonalDataExportTests(DistributedSuite suite)
{
    private static readonly Guid Halland = Guid.Parse("50ed05c3-f3a6-5555-a29f-95577922248a");

    [Fact]
    public async Task A_person_downloads_her_data_from_every_service_in_one_archive()
    {
        var cancel = TestContext.Current.CancellationToken;
        var admin = await suite.ClientAsync(DistributedSuite.AdministratorEmail, suite.AdministratorPassword);
        var programme = await (await admin.PostJsonAsync("/api/regions/programmes", new
        {
            name = $"Registerutdrag {Guid.NewGuid():N}"[..30],
            startsOn = "2031-01-01",
            endsOn = "2031-12-31",
        })).ReadAsync(HttpStatusCode.Created);
        var programmeId = programme.GetProperty("id").GetGuid();
        var regionId = Halland;
        await (await admin.PostJsonAsync($"/api/regions/programmes/{programmeId}/regions", new { regionId })).ReadAsync(HttpStatusCode.Created);
        var email = $"ester.{Guid.NewGuid():N}"[..22] + "@region.example";
        var personId = await TestProgramme.AddTeamMemberAsync(admin, programmeId, regionId, "KeyOfficial", new
        {
            name = "Ester Exportsson",
            email,
            phone = "070-111 22 33",
            regionId,
            preferredLanguage = "sv",
        });
        var password = await suite.ActivateAccountAsync(email);
        using var herself = await suite.ClientAsync(email, password);

        var export = await (await herself.PostJsonAsync($"/api/regions/people/{personId}/personal-data-exports", new { })).ReadAsync(HttpStatusCode.Accepted);
        var exportId = export.GetProperty("id").GetGuid();

        var complete = await Eventually.UntilAsync(
            () => herself.GetJsonAsync($"/api/regions/personal-data-exports/{exportId}"),
            s => s.GetProperty("state").GetString() == "Complete",
            "every service answered the export",
            TimeSpan.FromSeconds(90));
        using var archive = await herself.GetAsync(complete.GetProperty("archiveUrl").GetString(), cancel);
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        var files = Unzip(await archive.Content.ReadAsByteArrayAsync(cancel));

        Assert.Equal(["LÄSMIG.txt", "export.json", "feedback.json", "identity.json", "meetings.json", "notifications.json", "regions.json"], files.Keys.Order(StringComparer.Ordinal));
        // Each service's file holds what it keeps about her: the directory entry, the account, the
        // copies the other services keep, and the activation mail she was sent.
        Assert.Contains("070-111 22 33", files["regions.json"], StringComparison.Ordinal);
        Assert.Contains(email, Json(files["identity.json"]).GetProperty("accounts")[0].GetProperty("userName").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Ester Exportsson", Json(files["meetings.json"]).GetProperty("person").GetProperty("name").GetString());
        Assert.Contains(Json(files["feedback.json"]).GetProperty("teamPlaces").EnumerateArray(), p => p.GetProperty("email").GetString() == email);
        Assert.Contains(Json(files["notifications.json"]).GetProperty("mails").EnumerateArray(), m => m.GetProperty("to").GetString() == email);
        Assert.DoesNotContain("passwordHash", files["identity.json"], StringComparison.OrdinalIgnoreCase);

        // Without a token, nobody reads it.
        using var anonymous = await suite.ClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/regions/personal-data-exports/{exportId}/archive", cancel)).StatusCode);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

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
