using System.IO.Compression;
using System.Text;
using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Retention;
using MassTransit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Regions.Tests.Api;

/// <summary>
/// A person's export of her data: she or an administrator asks, every service answers over the
/// bus (here the directory answers itself and the test answers for the others), and the archive
/// holds one JSON file per service and a Swedish README.
/// </summary>
public sealed class PersonalDataExportTests(RegionsApp app) : IClassFixture<RegionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly string[] OtherServices = ["identity", "meetings", "feedback", "notifications"];

    [Fact]
    public async Task A_person_asks_for_her_data_and_downloads_one_archive_once_every_service_answered()
    {
        var halland = await app.RegionAsync("13");
        var person = await app.RegisterPersonAsync(halland.Id, name: "Ester Exportsson");
        var herself = app.ClientFor(TestUser.TeamMember(halland.Id).WithPerson(person.Id));

        var requested = await herself.PostAsync($"/api/regions/people/{person.Id}/personal-data-exports", null, Cancellation);

        var export = await RegionsApp.ReadAsync<PersonalDataExportResponse>(requested, HttpStatusCode.Accepted);
        Assert.Equal($"/api/regions/personal-data-exports/{export.Id}", requested.Headers.Location?.OriginalString);
        Assert.Equal((person.Id, PersonalDataExportState.Collecting, null), (export.PersonId, export.State, export.ArchiveUrl));
        var asked = await app.PublishedAsync<PersonalDataExportRequested>(e => e.ExportId == export.Id);
        Assert.Equal(person.Id, asked.PersonId);

        // The directory's own part arrives over the bus; until the others answer there is nothing to download.
        await Eventually.UntilAsync(
            async () => await StatusAsync(herself, export.Id),
            s => s.Services.Single(x => x.Service == "regions").Answered,
            "the directory answered its own export request");
        using (var early = await herself.GetAsync($"/api/regions/personal-data-exports/{export.Id}/archive", Cancellation))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("identity", await early.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        }

        foreach (var service in OtherServices)
        {
            await app.Factory.Harness.Bus.Publish(
                new PersonalDataExportPartCollected(export.Id, person.Id, service, $$"""{ "service": "{{service}}", "name": "Ester Exportsson" }""", DateTimeOffset.UtcNow), Cancellation);
        }

        var complete = await Eventually.UntilAsync(
            async () => await StatusAsync(herself, export.Id), s => s.State == PersonalDataExportState.Complete, "every service answered");
        Assert.All(complete.Services, s => Assert.True(s.Answered, s.Service));
        Assert.Equal($"/api/regions/personal-data-exports/{export.Id}/archive", complete.ArchiveUrl);

        using var archive = await herself.GetAsync(complete.ArchiveUrl, Cancellation);
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        Assert.Equal("application/zip", archive.Content.Headers.ContentType?.MediaType);
        var files = Unzip(await archive.Content.ReadAsByteArrayAsync(Cancellation));
        Assert.Equal(["LÄSMIG.txt", "export.json", "feedback.json", "identity.json", "meetings.json", "notifications.json", "regions.json"], files.Keys.Order(StringComparer.Ordinal));

        var directory = JsonDocument.Parse(files["regions.json"]).RootElement.GetProperty("person");
        Assert.Equal((person.Name, person.Email, person.Phone), (directory.GetProperty("name").GetString(), directory.GetProperty("email").GetString(), directory.GetProperty("phone").GetString()));
        Assert.Equal("Region Halland", directory.GetProperty("region").GetString());
        Assert.Contains("\"service\": \"meetings\"", files["meetings.json"], StringComparison.Ordinal);
        Assert.Contains("Dina personuppgifter i Kollegialt utbyte", files["LÄSMIG.txt"], StringComparison.Ordinal);
        Assert.All(files.Keys.Where(f => f.EndsWith(".json", StringComparison.Ordinal) && f != "export.json"),
            f => Assert.Contains(f, files["LÄSMIG.txt"], StringComparison.Ordinal));
        var manifest = JsonDocument.Parse(files["export.json"]).RootElement;
        Assert.True(manifest.GetProperty("complete").GetBoolean());
        Assert.Empty(manifest.GetProperty("missing").EnumerateArray());

        // Done: asking again has nothing to ask for.
        using var retry = await herself.PostAsync($"/api/regions/personal-data-exports/{export.Id}/retry", null, Cancellation);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, retry.StatusCode);
        Assert.Contains("export.complete", await retry.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);

        var listed = await herself.GetFromJsonAsync<List<PersonalDataExportResponse>>($"/api/regions/people/{person.Id}/personal-data-exports", RegionsApp.Json, Cancellation);
        Assert.Contains(listed!, e => e.Id == export.Id);
    }

    [Fact]
    public async Task Only_the_person_herself_and_administrators_may_ask_for_or_read_her_export()
    {
        var halland = await app.RegionAsync("13");
        var person = await app.RegisterPersonAsync(halland.Id, name: "Greta Granskad");
        var colleague = await app.RegisterPersonAsync(halland.Id, name: "Nils Nyfiken");
        var path = $"/api/regions/people/{person.Id}/personal-data-exports";

        // Her region's project leader manages her entry, but her data is hers.
        var projectLeader = app.ClientFor(TestUser.ProjectLeader(halland.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await projectLeader.PostAsync(path, null, Cancellation)).StatusCode);
        var curious = app.ClientFor(TestUser.TeamMember(halland.Id).WithPerson(colleague.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await curious.PostAsync(path, null, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientFor(null).PostAsync(path, null, Cancellation)).StatusCode);
        Assert.DoesNotContain(app.Published<PersonalDataExportRequested>(), e => e.PersonId == person.Id);

        var byAdministrator = await RegionsApp.ReadAsync<PersonalDataExportResponse>(await app.Admin.PostAsync(path, null, Cancellation), HttpStatusCode.Accepted);

        foreach (var other in new[] { projectLeader, curious })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/regions/personal-data-exports/{byAdministrator.Id}", Cancellation)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/regions/personal-data-exports/{byAdministrator.Id}/archive", Cancellation)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/regions/personal-data-exports/{byAdministrator.Id}/retry", null, Cancellation)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(path, Cancellation)).StatusCode);
        }

        var herself = app.ClientFor(TestUser.TeamMember(halland.Id).WithPerson(person.Id));
        Assert.Equal(HttpStatusCode.OK, (await herself.GetAsync($"/api/regions/personal-data-exports/{byAdministrator.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.PostAsync($"/api/regions/people/{Guid.NewGuid()}/personal-data-exports", null, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync($"/api/regions/personal-data-exports/{Guid.NewGuid()}", Cancellation)).StatusCode);
    }

    private static async Task<PersonalDataExportResponse> StatusAsync(HttpClient client, Guid exportId) =>
        (await client.GetFromJsonAsync<PersonalDataExportResponse>($"/api/regions/personal-data-exports/{exportId}", RegionsApp.Json, Cancellation))!;

    internal static Dictionary<string, string> Unzip(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }
}

/// <summary>With no time to answer, an export is at once incomplete: the archive names what is missing, and asking again collects more.</summary>
public sealed class IncompletePersonalDataExportTests : IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private TestTokenIssuer _issuer = null!;
    private ServiceFactory<Program> _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _factory = new ServiceFactory<Program>("regions", _issuer, new Dictionary<string, string?>
        {
            ["Seeds:Enabled"] = "false",
            ["PersonalDataExport:AnswerWindow"] = "00:00:00",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Services_that_did_not_answer_in_time_are_named_and_the_export_can_be_retried()
    {
        var admin = _factory.ClientFor(TestUser.Administrator());
        var region = await RegionsApp.ReadAsync<RegionResponse>(
            await admin.PostAsJsonAsync("/api/regions", new { name = "Region Gotland", countyCode = "09" }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);
        var person = await RegionsApp.ReadAsync<PersonResponse>(await admin.PostAsJsonAsync("/api/regions/people", new
        {
            name = "Oskar Ofullständig",
            email = $"{Guid.NewGuid():N}@region.example",
            regionId = region.Id,
            preferredLanguage = "sv",
        }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);

        var export = await RegionsApp.ReadAsync<PersonalDataExportResponse>(
            await admin.PostAsync($"/api/regions/people/{person.Id}/personal-data-exports", null, Cancellation), HttpStatusCode.Accepted);
        Assert.Equal(PersonalDataExportState.Incomplete, export.State);

        var files = PersonalDataExportTests.Unzip(await admin.GetByteArrayAsync(export.ArchiveUrl, Cancellation));
        Assert.Contains("Följande delar svarade inte i tid", files["LÄSMIG.txt"], StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(files["export.json"]).RootElement.GetProperty("complete").GetBoolean());
        Assert.Contains("identity", JsonDocument.Parse(files["export.json"]).RootElement.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));

        // The first request leaves through the outbox, perhaps after the answer above: wait for it before counting.
        var requests = await Eventually.UntilAsync(
            () => Task.FromResult(RequestsFor(export.Id)),
            count => count == 1,
            "the export asked every service once");
        using var retried = await admin.PostAsync($"/api/regions/personal-data-exports/{export.Id}/retry", null, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        await Eventually.UntilAsync(
            () => Task.FromResult(RequestsFor(export.Id)),
            count => count == requests + 1,
            "the retry asked every service again");
    }

    /// <summary>How many requests for the export were published so far (without waiting for more).</summary>
    private int RequestsFor(Guid exportId)
    {
        using var alreadyThere = new CancellationTokenSource();
        alreadyThere.Cancel();
        return _factory.Harness.Published.Select<PersonalDataExportRequested>(alreadyThere.Token).Count(m => m.Context.Message.ExportId == exportId);
    }
}

/// <summary>Exports go after <c>Retention:PersonalDataExports</c> on the service's clock; the audit log keeps who asked and who took a copy.</summary>
public sealed class PersonalDataExportRetentionTests : IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestTokenIssuer _issuer = null!;
    private ClockedRegions _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _factory = new ClockedRegions(_issuer, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task An_export_goes_a_month_after_it_was_asked_for_and_the_audit_log_keeps_who_asked_and_downloaded()
    {
        var admin = _factory.ClientFor(TestUser.Administrator());
        var region = await RegionsApp.ReadAsync<RegionResponse>(
            await admin.PostAsJsonAsync("/api/regions", new { name = "Region Blekinge", countyCode = "10" }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);
        var person = await RegionsApp.ReadAsync<PersonResponse>(await admin.PostAsJsonAsync("/api/regions/people", new
        {
            name = "Rut Raderad-Export",
            email = $"{Guid.NewGuid():N}@region.example",
            regionId = region.Id,
            preferredLanguage = "sv",
        }, RegionsApp.Json, Cancellation), HttpStatusCode.Created);
        var herself = _factory.ClientFor(TestUser.TeamMember(region.Id).WithPerson(person.Id));
        var old = await RegionsApp.ReadAsync<PersonalDataExportResponse>(
            await herself.PostAsync($"/api/regions/people/{person.Id}/personal-data-exports", null, Cancellation), HttpStatusCode.Accepted);

        Assert.Equal(HttpStatusCode.OK, (await herself.GetAsync($"/api/regions/personal-data-exports/{old.Id}/archive", Cancellation)).StatusCode);

        // A month on (the job's own timer may run now too), a new export beside the old one.
        _clock.Advance(TimeSpan.FromDays(31));
        var recent = await RegionsApp.ReadAsync<PersonalDataExportResponse>(
            await herself.PostAsync($"/api/regions/people/{person.Id}/personal-data-exports", null, Cancellation), HttpStatusCode.Accepted);

        await _factory.Services.GetRequiredService<RetentionJob>().RunOnceAsync(Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, (await herself.GetAsync($"/api/regions/personal-data-exports/{old.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await herself.GetAsync($"/api/regions/personal-data-exports/{recent.Id}", Cancellation)).StatusCode);
        var audit = await admin.GetFromJsonAsync<PagedList<AuditEntryView>>($"/api/regions/admin/audit?personId={person.Id}&pageSize=100", RegionsApp.Json, Cancellation);
        var actions = audit!.Items.Select(e => (e.Action, e.ActorPersonId)).ToList();
        Assert.Equal(2, actions.Count(a => a == ("person.personal-data-export-requested", person.Id)));
        Assert.Contains(("person.personal-data-export-downloaded", person.Id), actions);
    }

    private sealed class ClockedRegions(TestTokenIssuer issuer, FakeTimeProvider clock)
        : ServiceFactory<Program>("regions", issuer, new Dictionary<string, string?> { ["Seeds:Enabled"] = "false", ["PersonalDataExport:AnswerWindow"] = "00:00:00" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}
