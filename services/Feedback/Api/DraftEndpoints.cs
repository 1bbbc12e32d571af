using System.Buffers;
using System.Security.Cryptography;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.Feedback.Data;
using KollegialtUtbyte.Feedback.Domain;
using KollegialtUtbyte.Feedback.Application.Storage;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.SharedKernel;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KollegialtUtbyte.Feedback.Api;

/// <summary>
/// Uploading a draft as a new version, and reading it back. The upload is streamed from the
/// multipart body straight into the storage's staging area while its size is counted, its
/// SHA-256 computed and its format recognised, so a 25 MB file never sits in memory; a file that
/// is too large or of the wrong kind leaves nothing behind, neither file nor row.
/// </summary>
internal static class DraftEndpoints
{
    private const string FileField = "file";
    private const string NoteField = "note";

    // Room for the multipart boundaries, part headers and the note beside the file itself.
    private const long MultipartOverhead = 16 * 1024;

    public static RouteGroupBuilder MapDraftEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/documents/{documentId:guid}/versions", UploadAsync);
        api.MapGet("/documents/{documentId:guid}/versions/{number:int}/file", DownloadAsync);
        return api;
    }

    private static async Task<IResult> UploadAsync(
        Guid documentId,
        HttpContext http,
        FeedbackDb db,
        IDocumentStorage storage,
        IOptions<FeedbackOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = await Caller.ResolveAsync(http.User, db, cancellationToken);
        var access = await db.DocumentForAsync(documentId, caller, cancellationToken);
        caller.EnsureActsFor(access.Document.RegionId, "ladda upp nya versioner av dokumentet");

        var limit = options.Value.Uploads.MaxBytes;
        if (http.Request.ContentLength > limit + MultipartOverhead)
        {
            return TooLarge(limit);
        }

        // Let the server accept a body up to the configured limit (Kestrel's own default is about
        // 28.6 MB) and refuse anything beyond it while reading.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + MultipartOverhead;
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Skicka utkastet som multipart/form-data med filen i fältet \"file\".");
        }

        var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = null };
        IStagedFile? staged = null;
        try
        {
            string? clientFileName = null;
            string? note = null;
            var detector = new DocumentFormatDetector();
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    return BadRequest("En del av formuläret saknar Content-Disposition: form-data.");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == FileField && disposition.IsFileDisposition())
                {
                    if (staged is not null)
                    {
                        return BadRequest("Skicka en fil per version.");
                    }

                    staged = await storage.StageAsync(cancellationToken);
                    clientFileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    if (!await CopyWithinLimitAsync(section.Body, staged.Content, detector, sha256, limit, cancellationToken))
                    {
                        return TooLarge(limit);
                    }
                }
                else if (name == NoteField && !disposition.IsFileDisposition())
                {
                    note = await ReadNoteAsync(section.Body, cancellationToken);
                    if (note is null)
                    {
                        return BadRequest($"Kommentaren får vara högst {DocumentVersion.NoteMaxLength} tecken.");
                    }
                }
                else
                {
                    return BadRequest($"Okänt fält \"{name}\"; formuläret har fälten \"{FileField}\" och \"{NoteField}\".");
                }
            }

            if (staged is null)
            {
                return BadRequest("Filen saknas: skicka den i fältet \"file\".");
            }

            if (detector.Length == 0)
            {
                return BadRequest("Filen är tom.");
            }

            await staged.Content.FlushAsync(cancellationToken);
            var format = detector.Detect(staged.OpenRead);
            if (format is null)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported media type",
                    detail: "Filens innehåll är inte PDF, DOCX, ODT eller Markdown (UTF-8-text). Typen avgörs av innehållet, inte av filnamnet.");
            }

            var now = time.GetUtcNow();
            var versionId = Guid.CreateVersion7(now);
            var key = $"{documentId:N}/{versionId:N}";
            var draft = new StoredDraft(key, UploadFileName.Sanitise(clientFileName, format.Value), format.Value, detector.Length,
                Convert.ToHexStringLower(sha256.GetHashAndReset()));
            await staged.CommitAsync(key, cancellationToken);

            var document = access.Document;
            try
            {
                var version = document.AddVersion(versionId, draft, note, caller.PersonId, now);
                db.DocumentVersions.Add(version);
                db.AddEvent(new StrategyDraftSubmitted(
                    document.Id, version.Id, document.RegionId, document.Title, document.Kind, version.Number,
                    version.FileName, version.ContentType, version.SizeBytes, version.Sha256, caller.PersonId, now));
                await db.SaveChangesAsync(cancellationToken);
                http.Response.SetVersionTag(document.Version);
                return Results.Created($"/api/feedback/documents/{document.Id}/versions/{version.Number}", ViewQueries.ToView(document, version));
            }
            catch
            {
                // The row did not commit (e.g. a concurrent upload took the number): keep no orphan file.
                await storage.DeleteAsync(key, CancellationToken.None);
                throw;
            }
        }
        finally
        {
            if (staged is not null)
            {
                await staged.DisposeAsync();
            }
        }
    }

    private static async Task<IResult> DownloadAsync(
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
        return Results.File(
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

    private static IResult TooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request too large",
        detail: $"Filen är för stor: högst {FormatSize(limit)} tas emot.");

    private static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    private static string FormatSize(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} byte";
}
