using System.Buffers;
using System.Security.Cryptography;
using KollegialtUtbyte.Feedback.Application.Storage;
using KollegialtUtbyte.ServiceDefaults.Http;
using KollegialtUtbyte.ServiceDefaults.OpenApi;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>
/// Uploading a draft as a new version, and reading it back. The upload is streamed from the
/// multipart body straight into the storage's staging area while its size is counted, its
/// SHA-256 computed and its format recognised, so a large file never sits in memory; a file that
/// is too large or of the wrong kind leaves nothing behind, neither file nor row.
/// </summary>
internal static class DraftEndpoints
{
    private const string FileField = "file";
    private const string NoteField = "note";

    public static RouteGroupBuilder MapDraftEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost(FeedbackRoutes.DocumentVersions, UploadAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest) // a form, not a JSON body: not a validation problem
            .ProducesProblems(403, 404, 409, 413, 415, 422);
        api.MapGet(FeedbackRoutes.DocumentVersionFile, DownloadAsync)
            .Produces(StatusCodes.Status200OK, typeof(Stream), DocumentFormat.Pdf.ContentType(),
                [.. Enum.GetValues<DocumentFormat>().Where(f => f != DocumentFormat.Pdf).Select(f => f.ContentType())])
            .ProducesProblems(404);
        return api;
    }

    private static async Task<Results<Created<VersionView>, ProblemHttpResult>> UploadAsync(
        Guid documentId,
        HttpContext http,
        FeedbackDb db,
        IDocumentStorage storage,
        IOptions<UploadOptions> uploads,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var access = await db.DocumentToChangeAsync(documentId, caller, "ladda upp nya versioner av dokumentet", cancellationToken);

        var limit = uploads.Value.MaxDocumentBytes;
        if (!AcceptBodyUpTo(http, uploads.Value.MaxRequestBytes))
        {
            return TooLarge(limit);
        }

        if (MultipartBoundary(http.Request) is not { } boundary)
        {
            return UnsupportedMediaType("Skicka utkastet som multipart/form-data med filen i fältet \"file\".");
        }

        await using var upload = new DraftUpload(storage, limit);
        if (await upload.ReadAsync(new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = null }, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await upload.FormatAsync(cancellationToken) is not { } format)
        {
            return UnsupportedMediaType("Filens innehåll är inte PDF, DOCX, ODT eller Markdown (UTF-8-text). Typen avgörs av innehållet, inte av filnamnet.");
        }

        return await SaveVersionAsync(http, db, storage, caller, access.Document, upload, format, time, cancellationToken);
    }

    /// <summary>
    /// False when the declared length is already beyond <paramref name="maxBytes"/>; otherwise lets
    /// the server accept a body up to it (Kestrel's own default is about 28.6 MB) and refuse
    /// anything beyond it while reading.
    /// </summary>
    private static bool AcceptBodyUpTo(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return false;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes;
        }

        return true;
    }

    private static string? MultipartBoundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is { Length: > 0 } boundary
            ? boundary
            : null;

    /// <summary>Keeps the staged file as the document's next version and tells the other services.</summary>
    private static async Task<Results<Created<VersionView>, ProblemHttpResult>> SaveVersionAsync(
        HttpContext http,
        FeedbackDb db,
        IDocumentStorage storage,
        Caller caller,
        StrategyDocument document,
        DraftUpload upload,
        DocumentFormat format,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var versionId = Guid.CreateVersion7(now);
        var key = $"{document.Id:N}/{versionId:N}";
        var draft = upload.Describe(key, format);
        await upload.CommitAsync(key, cancellationToken);
        try
        {
            var version = document.AddVersion(versionId, draft, upload.Note, caller.PersonId, now);
            db.DocumentVersions.Add(version);
            db.AddEvent(new StrategyDraftSubmitted(
                document.Id, version.Id, document.RegionId, document.Title, document.Kind, version.Number,
                version.FileName, version.ContentType, version.SizeBytes, version.Sha256, caller.PersonId, now));
            await db.SaveChangesAsync(cancellationToken);
            http.Response.SetVersionTag(document.Version);
            return TypedResults.Created($"{FeedbackRoutes.PathOf(FeedbackRoutes.DocumentVersions, document.Id)}/{version.Number}", ViewQueries.ToView(document, version));
        }
        catch
        {
            // The row did not commit (e.g. a concurrent upload took the number): keep no orphan file.
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(
        Guid documentId, int number, HttpContext http, FeedbackDb db, IDocumentStorage storage, CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var access = await db.DocumentForAsync(documentId, caller, cancellationToken);
        var version = await db.DocumentVersions.SingleOrDefaultAsync(v => v.DocumentId == documentId && v.Number == number, cancellationToken);
        if (version is null || !access.MayRead(version.Id))
        {
            throw new ResourceNotFoundException("Document version", $"{documentId}/{number}");
        }

        var content = await storage.OpenReadAsync(version.StorageKey, cancellationToken);

        // Never let a browser reinterpret the file (e.g. Markdown as HTML); the attachment
        // disposition carries the sanitised name as filename and RFC 5987 filename*.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(
            content,
            version.ContentType,
            fileDownloadName: version.FileName,
            lastModified: version.UploadedAt,
            entityTag: new EntityTagHeaderValue($"\"{version.Sha256}\""),
            enableRangeProcessing: true);
    }

    /// <summary>Copies the file part to storage; false as soon as it exceeds <paramref name="limit"/>.</summary>
    private static async Task<bool> CopyWithinLimitAsync(
        Stream source, Stream target, DocumentFormatDetector detector, IncrementalHash sha256, long limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (detector.Length + read > limit)
                {
                    return false;
                }

                detector.Append(buffer.AsSpan(0, read));
                sha256.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string?> ReadNoteAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        var buffer = new char[DocumentVersion.NoteMaxLength + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return length > DocumentVersion.NoteMaxLength ? null : new string(buffer, 0, length);
    }

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request too large",
        detail: $"Filen är för stor: högst {FormatSize(limit)} tas emot.");

    private static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: detail);

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    private static string FormatSize(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} byte";

    /// <summary>
    /// The multipart form of one upload as it is read: the file part streamed into the storage's
    /// staging area (counted, hashed and its format recognised on the way), and the note.
    /// Disposing it discards a staged file that was not committed.
    /// </summary>
    private sealed class DraftUpload(IDocumentStorage storage, long limit) : IAsyncDisposable
    {
        private readonly DocumentFormatDetector _detector = new();
        private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private IStagedFile? _staged;
        private string? _clientFileName;

        public string? Note { get; private set; }

        /// <summary>Reads every part; a problem (400, 413) for the first part that is wrong, else null.</summary>
        public async Task<ProblemHttpResult?> ReadAsync(MultipartReader reader, CancellationToken cancellationToken)
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (await ReadPartAsync(section, cancellationToken) is { } refused)
                {
                    return refused;
                }
            }

            if (_staged is null)
            {
                return BadRequest("Filen saknas: skicka den i fältet \"file\".");
            }

            return _detector.Length == 0 ? BadRequest("Filen är tom.") : null;
        }

        /// <summary>The format the content has (never the name's), or null when it is none of those accepted.</summary>
        public async Task<DocumentFormat?> FormatAsync(CancellationToken cancellationToken)
        {
            await _staged!.Content.FlushAsync(cancellationToken);
            return _detector.Detect(_staged.OpenRead);
        }

        public StoredDraft Describe(string key, DocumentFormat format) =>
            new(key, UploadFileName.Sanitise(_clientFileName, format), format, _detector.Length, Convert.ToHexStringLower(_sha256.GetHashAndReset()));

        public Task CommitAsync(string key, CancellationToken cancellationToken) => _staged!.CommitAsync(key, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            _sha256.Dispose();
            if (_staged is not null)
            {
                await _staged.DisposeAsync();
            }
        }

        private async Task<ProblemHttpResult?> ReadPartAsync(MultipartSection section, CancellationToken cancellationToken)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                return BadRequest("En del av formuläret saknar Content-Disposition: form-data.");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (name == FileField && disposition.IsFileDisposition())
            {
                if (_staged is not null)
                {
                    return BadRequest("Skicka en fil per version.");
                }

                _staged = await storage.StageAsync(cancellationToken);
                _clientFileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return await CopyWithinLimitAsync(section.Body, _staged.Content, _detector, _sha256, limit, cancellationToken) ? null : TooLarge(limit);
            }

            if (name == NoteField && !disposition.IsFileDisposition())
            {
                Note = await ReadNoteAsync(section.Body, cancellationToken);
                return Note is null ? BadRequest($"Kommentaren får vara högst {DocumentVersion.NoteMaxLength} tecken.") : null;
            }

            return BadRequest($"Okänt fält \"{name}\"; formuläret har fälten \"{FileField}\" och \"{NoteField}\".");
        }
    }
}
