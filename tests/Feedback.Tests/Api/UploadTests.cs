using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using static KollegialtUtbyte.Feedback.Tests.Support.FeedbackCalls;

namespace KollegialtUtbyte.Feedback.Tests.Api;

/// <summary>
/// Drafts are uploaded with real files: the type comes from the content, the size is limited,
/// and a refused upload leaves nothing behind, neither file nor row nor event.
/// </summary>
public sealed class UploadTests(UploadTests.Service service) : IClassFixture<UploadTests.Service>
{
    private readonly FeedbackApp _app = service.App;
    private readonly HttpClient _team = service.App.ClientFor(service.Region.Member);

    public static TheoryData<string, string, string, string> Formats => new()
    {
        { "pdf", "Värmlandsstrategin.pdf", "application/pdf", "Värmlandsstrategin.pdf" },
        { "docx", "handlingsplan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "handlingsplan.docx" },
        { "odt", "handbok.odt", "application/vnd.oasis.opendocument.text", "handbok.odt" },
        { "markdown", "anteckningar.txt", "text/markdown; charset=utf-8", "anteckningar.md" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_draft_in_an_accepted_format_is_stored_and_streamed_back_unchanged(string format, string fileName, string contentType, string storedName)
    {
        var content = format switch
        {
            "pdf" => SampleFiles.Pdf(),
            "docx" => SampleFiles.Docx(),
            "odt" => SampleFiles.Odt(),
            _ => SampleFiles.Markdown(),
        };
        var document = await _team.CreateDocumentAsync();

        var version = await (await _team.UploadAsync(document.Id(), content, fileName, note: "Första utkastet")).ReadAsync(HttpStatusCode.Created);

        Assert.Equal(1, version.GetProperty("number").GetInt32());
        Assert.Equal(contentType, version.GetProperty("contentType").GetString());
        Assert.Equal(storedName, version.GetProperty("fileName").GetString());
        Assert.Equal(content.Length, version.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), version.GetProperty("sha256").GetString());
        Assert.Equal("Första utkastet", version.GetProperty("note").GetString());

        var download = await _team.GetAsync(version.GetProperty("downloadPath").GetString(), Token);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal(contentType, download.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(storedName, download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var submitted = await Eventually.UntilAsync(
            () => Task.FromResult(_app.Factory.Harness.Published.Select<StrategyDraftSubmitted>().Select(m => m.Context.Message).FirstOrDefault(e => e.DocumentId == document.Id())),
            e => e is not null,
            "the draft was announced");
        Assert.Equal((document.Id(), 1, storedName, contentType, (long)content.Length), (submitted!.DocumentId, submitted.VersionNumber, submitted.FileName, submitted.ContentType, submitted.SizeBytes));
    }

    [Fact]
    public async Task An_exe_renamed_pdf_is_refused_with_415_and_nothing_is_stored()
    {
        var document = await _team.CreateDocumentAsync();

        var response = await _team.UploadAsync(document.Id(), SampleFiles.Exe(), "Värmlandsstrategin.pdf");

        var problem = await response.ReadAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("innehållet", problem.GetProperty("detail").GetString());
        await AssertNothingStoredAsync(document.Id());
    }

    [Theory]
    [InlineData("zip-that-is-no-document")]
    [InlineData("latin1-text")]
    public async Task Other_content_is_refused_with_415_whatever_its_name(string kind)
    {
        var document = await _team.CreateDocumentAsync();
        var content = kind == "latin1-text" ? System.Text.Encoding.Latin1.GetBytes("Hållbar styrning") : SampleFiles.OtherZip();

        await (await _team.UploadAsync(document.Id(), content, "strategi.docx")).ReadAsync(HttpStatusCode.UnsupportedMediaType);

        await AssertNothingStoredAsync(document.Id());
    }

    [Fact]
    public async Task A_30_MB_upload_is_refused_with_413_and_nothing_is_stored()
    {
        var document = await _team.CreateDocumentAsync();
        var content = SampleFiles.PdfOfLength(30 * 1024 * 1024);

        var response = await _team.UploadAsync(document.Id(), content, "stor.pdf");

        var problem = await response.ReadAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("25 MB", problem.GetProperty("detail").GetString());
        await AssertNothingStoredAsync(document.Id());
    }

    [Fact]
    public async Task A_draft_of_exactly_the_limit_is_accepted()
    {
        var document = await _team.CreateDocumentAsync();
        var content = SampleFiles.PdfOfLength(25 * 1024 * 1024);

        var version = await (await _team.UploadAsync(document.Id(), content, "precis.pdf")).ReadAsync(HttpStatusCode.Created);

        Assert.Equal(content.Length, version.GetProperty("sizeBytes").GetInt64());
        Assert.Single(StoredFilesOf(document.Id()));
    }

    [Fact]
    public async Task An_upload_without_a_declared_length_is_cut_off_at_the_limit_while_streaming()
    {
        await using var small = await FeedbackApp.StartAsync(new Dictionary<string, string?> { ["Uploads:MaxDocumentBytes"] = "65536" });
        var (team, document) = await NewDocumentAsync(small);
        var content = SampleFiles.PdfOfLength(200 * 1024);

        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new UnknownLengthStream(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "strategi.pdf");
        var response = await team.PostAsync($"/api/feedback/documents/{document.Id()}/versions", form, Token);

        var problem = await response.ReadAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("65536 byte", problem.GetProperty("detail").GetString());
        Assert.Empty(small.StoredFiles());
        Assert.Equal(0, (await team.GetJsonAsync($"/api/feedback/documents/{document.Id()}")).GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task The_earlier_key_of_the_upload_limit_still_counts_when_the_shared_one_is_not_set()
    {
        await using var small = await FeedbackApp.StartAsync(new Dictionary<string, string?> { ["Feedback:Uploads:MaxBytes"] = "2048" });
        var (team, document) = await NewDocumentAsync(small);
        var content = SampleFiles.PdfOfLength(2049);

        var problem = await (await team.UploadAsync(document.Id(), content, "stor.pdf")).ReadAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("2048 byte", problem.GetProperty("detail").GetString());
        Assert.Empty(small.StoredFiles());
    }

    [Fact]
    public async Task A_path_in_the_file_name_never_reaches_the_storage_or_the_download()
    {
        var document = await _team.CreateDocumentAsync();

        var version = await (await _team.UploadAsync(document.Id(), SampleFiles.Pdf(), "../../../etc/cron.d/strategi.pdf")).ReadAsync(HttpStatusCode.Created);

        Assert.Equal("strategi.pdf", version.GetProperty("fileName").GetString());
        var stored = Assert.Single(StoredFilesOf(document.Id()));
        Assert.StartsWith(_app.StorageDirectory, Path.GetFullPath(stored));
        Assert.DoesNotContain("strategi", stored);
        var download = await _team.GetAsync(version.GetProperty("downloadPath").GetString(), Token);
        Assert.Equal("strategi.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task Each_upload_is_the_next_version()
    {
        var document = await _team.CreateDocumentAsync();

        await (await _team.UploadAsync(document.Id(), SampleFiles.Pdf(), "v1.pdf")).ReadAsync(HttpStatusCode.Created);
        var second = await (await _team.UploadAsync(document.Id(), SampleFiles.Markdown(), "v2.md")).ReadAsync(HttpStatusCode.Created);

        Assert.Equal(2, second.GetProperty("number").GetInt32());
        var view = await _team.GetJsonAsync($"/api/feedback/documents/{document.Id()}");
        Assert.Equal(2, view.GetProperty("latestVersionNumber").GetInt32());
        Assert.Equal([1, 2], view.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_or_has_no_file_is_a_problem_not_a_crash()
    {
        var document = await _team.CreateDocumentAsync();
        var path = $"/api/feedback/documents/{document.Id()}/versions";

        var raw = await _team.PostAsync(path, new ByteArrayContent(SampleFiles.Pdf()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, Token);
        await raw.ReadAsync(HttpStatusCode.UnsupportedMediaType);

        using var noFile = new MultipartFormDataContent { { new StringContent("bara en kommentar"), "note" } };
        var missing = await (await _team.PostAsync(path, noFile, Token)).ReadAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Filen saknas", missing.GetProperty("detail").GetString());

        var empty = await (await _team.UploadAsync(document.Id(), [], "tom.pdf")).ReadAsync(HttpStatusCode.BadRequest);
        Assert.Contains("tom", empty.GetProperty("detail").GetString());
        await AssertNothingStoredAsync(document.Id());
    }

    /// <summary>A new document of a region's team in <paramref name="service"/> (one started with other upload limits), and the team's client.</summary>
    private static async Task<(HttpClient Team, JsonElement Document)> NewDocumentAsync(FeedbackApp service)
    {
        var region = (await service.AddRegionsAsync("Region Halland"))[0];
        var team = service.ClientFor(region.Member);
        return (team, await team.CreateDocumentAsync());
    }

    private IReadOnlyList<string> StoredFilesOf(Guid documentId) =>
        _app.StoredFiles().Where(f => f.Contains(documentId.ToString("N"), StringComparison.Ordinal)).ToList();

    private async Task AssertNothingStoredAsync(Guid documentId)
    {
        Assert.Empty(StoredFilesOf(documentId));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_app.StorageDirectory, ".staging")));
        var view = await _team.GetJsonAsync($"/api/feedback/documents/{documentId}");
        Assert.Equal(0, view.GetProperty("versions").GetArrayLength());
        Assert.Equal(0, view.GetProperty("latestVersionNumber").GetInt32());
        Assert.Equal(0, await _app.QueryAsync(db => db.DocumentVersions.CountAsync(v => v.DocumentId == documentId)));
        Assert.DoesNotContain(await _app.OutboxEventsAsync(), e => e is StrategyDraftSubmitted submitted && submitted.DocumentId == documentId);
    }

    /// <summary>One service for the class: every test works on a document of its own.</summary>
    public sealed class Service : IAsyncLifetime
    {
        public FeedbackApp App { get; private set; } = null!;

        public TestRegion Region { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            App = await FeedbackApp.StartAsync();
            Region = (await App.AddRegionsAsync("Region Värmland"))[0];
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    /// <summary>A body whose length the client cannot announce (sent chunked), so only the server's counting can stop it.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
