using System.IO.Compression;
using System.Text;
using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults.PersonalData;
using Microsoft.Extensions.Options;

namespace KollegialtUtbyte.Regions.Api;

/// <summary>Section <c>PersonalDataExport</c>.</summary>
public sealed class PersonalDataExportOptions
{
    public const string SectionName = "PersonalDataExport";

    /// <summary>How long the services have to answer before the export is incomplete (and can be retried).</summary>
    public TimeSpan AnswerWindow { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Personal-data exports (GDPR art. 15 and 20): the person herself or an administrator asks,
/// every service answers over the bus, and the archive (a JSON file per service and a README in
/// Swedish) is downloaded once every service answered or the deadline passed.
/// </summary>
public static class PersonalDataExportEndpoints
{
    public static IEndpointRouteBuilder MapPersonalDataExportEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost(RegionsRoutes.PersonalDataExports, RequestAsync).ProducesProblems(403, 404);
        api.MapGet(RegionsRoutes.PersonalDataExports, ListAsync).ProducesProblems(403);
        api.MapGet(RegionsRoutes.PersonalDataExport, GetAsync).ProducesProblems(403, 404);
        api.MapPost(RegionsRoutes.RetryPersonalDataExport, RetryAsync).ProducesProblems(403, 404, 422);
        api.MapGet(RegionsRoutes.PersonalDataExportArchive, ArchiveAsync)
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip").ProducesProblems(403, 404, 409);
        return api;
    }

    private static bool MayExport(this ClaimsPrincipal user, Guid personId) => user.IsAdministrator() || user.PersonId() == personId;

    private const string NotYours = "Bara personen själv och administratörer kan begära och hämta en persons uppgifter.";

    private static async Task<Results<Accepted<PersonalDataExportResponse>, ProblemHttpResult>> RequestAsync(
        Guid personId, RegionsDb db, ClaimsPrincipal user, TimeProvider time, IOptions<PersonalDataExportOptions> options, CancellationToken cancellationToken)
    {
        if (!user.MayExport(personId))
        {
            return Problems.Forbidden(NotYours);
        }

        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            throw new ResourceNotFoundException("Person", personId);
        }

        var now = time.GetUtcNow();
        var export = PersonalDataExport.Request(personId, user.PersonId(), now, options.Value.AnswerWindow);
        db.PersonalDataExports.Add(export);
        db.AddEvent(new PersonalDataExportRequested(export.Id, personId, now));
        db.Audit(AuditActions.PersonalDataExportRequested, user.PersonId(), personId, now, new { ExportId = export.Id });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted(RegionsRoutes.PathOf(RegionsRoutes.PersonalDataExport, export.Id), Describe(export, now));
    }

    /// <summary>The person's exports, newest first.</summary>
    private static async Task<Results<Ok<List<PersonalDataExportResponse>>, ProblemHttpResult>> ListAsync(
        Guid personId, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!user.MayExport(personId))
        {
            return Problems.Forbidden(NotYours);
        }

        var exports = await db.PersonalDataExports.AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(exports.OrderByDescending(e => e.RequestedAt).Select(e => Describe(e, now)).ToList());
    }

    private static async Task<Results<Ok<PersonalDataExportResponse>, ProblemHttpResult>> GetAsync(
        Guid exportId, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var export = await FindAsync(db, exportId, cancellationToken);
        return user.MayExport(export.PersonId)
            ? TypedResults.Ok(Describe(export, time.GetUtcNow()))
            : Problems.Forbidden(NotYours);
    }

    /// <summary>Asks every service again, with a new deadline; answers already in are replaced by the new ones as they come.</summary>
    private static async Task<Results<Accepted<PersonalDataExportResponse>, ProblemHttpResult>> RetryAsync(
        Guid exportId, RegionsDb db, ClaimsPrincipal user, TimeProvider time, IOptions<PersonalDataExportOptions> options, CancellationToken cancellationToken)
    {
        var export = await FindAsync(db, exportId, cancellationToken);
        if (!user.MayExport(export.PersonId))
        {
            return Problems.Forbidden(NotYours);
        }

        var now = time.GetUtcNow();
        export.Retry(now, options.Value.AnswerWindow);
        db.AddEvent(new PersonalDataExportRequested(export.Id, export.PersonId, now));
        db.Audit(AuditActions.PersonalDataExportRetried, user.PersonId(), export.PersonId, now, new { ExportId = export.Id });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted(RegionsRoutes.PathOf(RegionsRoutes.PersonalDataExport, export.Id), Describe(export, now));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ArchiveAsync(
        Guid exportId, RegionsDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var export = await FindAsync(db, exportId, cancellationToken);
        if (!user.MayExport(export.PersonId))
        {
            return Problems.Forbidden(NotYours);
        }

        var now = time.GetUtcNow();
        if (export.StateAt(now) == PersonalDataExportState.Collecting)
        {
            return Problem(StatusCodes.Status409Conflict, "The export is still being collected",
                $"Alla tjänster har inte svarat än (saknas: {string.Join(", ", export.Missing)}). Försök igen efter {export.DeadlineAt:u} eller när exporten är komplett.");
        }

        // Who took a copy of a person's data, and when, is for the audit log to answer.
        db.Audit(AuditActions.PersonalDataExportDownloaded, user.PersonId(), export.PersonId, now, new { ExportId = export.Id, Complete = !export.Missing.Any() });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(PersonalDataArchive.Write(export, now), "application/zip", $"personuppgifter-{export.PersonId}.zip");
    }

    private static async Task<PersonalDataExport> FindAsync(RegionsDb db, Guid exportId, CancellationToken cancellationToken) =>
        await db.PersonalDataExports.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(e => e.Id == exportId, cancellationToken)
            ?? throw new ResourceNotFoundException("Personal data export", exportId);

    private static PersonalDataExportResponse Describe(PersonalDataExport export, DateTimeOffset now)
    {
        var state = export.StateAt(now);
        return new PersonalDataExportResponse(
            export.Id,
            export.PersonId,
            state,
            export.RequestedAt,
            export.DeadlineAt,
            PersonalDataExport.Services
                .Select(s => export.Parts.FirstOrDefault(p => p.Service == s) is { } part
                    ? new PersonalDataExportServiceResponse(s, true, part.ReceivedAt)
                    : new PersonalDataExportServiceResponse(s, false, null))
                .ToList(),
            state == PersonalDataExportState.Collecting ? null : RegionsApi.ArchivePath(export.Id));
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}

/// <summary>The downloadable archive: <c>LÄSMIG.txt</c> (Swedish), <c>export.json</c> (what was asked, what answered) and one <c>{service}.json</c> per answer.</summary>
internal static class PersonalDataArchive
{
    private static readonly IReadOnlyDictionary<string, string> Contents = new Dictionary<string, string>
    {
        ["regions"] = "Katalogen: dina person- och kontaktuppgifter, din organisation eller region, dina platser i regionernas team och arbetsgrupper, om du är processledare, och historiken över ändringar av din e-postadress.",
        ["identity"] = "Ditt konto: användarnamn, roller, när kontot skapades och aktiverades, inloggningsskyddet (misslyckade försök, spärrar), kopplingar till din organisations inloggning och pågående länkar (utan själva länkarna).",
        ["meetings"] = "Träffarna: dina inbjudningar och svar, din närvaro, träffar du processleder, din kvot som politiker, dina kalenderlänkar (utan själva länken) och åtgärder som du ansvarar för.",
        ["feedback"] = "Återkopplingen: dokumentversioner du laddat upp, återkoppling och lärdomar du skrivit och de återkopplingsrundor där du är granskare.",
        ["notifications"] = "E-posten: vilka meddelanden tjänsten har skickat till dig och när, och vilka som väntar på att skickas (utan länkarnas hemligheter).",
    };

    public static byte[] Write(PersonalDataExport export, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "LÄSMIG.txt", ReadMe(export, now));
            Add(zip, "export.json", JsonSerializer.Serialize(new
            {
                exportId = export.Id,
                personId = export.PersonId,
                requestedAt = export.RequestedAt,
                deadlineAt = export.DeadlineAt,
                writtenAt = now,
                complete = !export.Missing.Any(),
                answered = export.Parts.OrderBy(p => p.Service, StringComparer.Ordinal).Select(p => new { service = p.Service, file = p.Service + ".json", answeredAt = p.ReceivedAt }),
                missing = export.Missing,
            }, PersonalDataJson.Options));
            foreach (var part in export.Parts.OrderBy(p => p.Service, StringComparer.Ordinal))
            {
                Add(zip, part.Service + ".json", part.Json);
            }
        }

        return buffer.ToArray();
    }

    private static string ReadMe(PersonalDataExport export, DateTimeOffset now)
    {
        var text = new StringBuilder()
            .AppendLine("Dina personuppgifter i Kollegialt utbyte")
            .AppendLine("=========================================")
            .AppendLine()
            .AppendLine($"Det här arkivet innehåller det som tjänsten Kollegialt utbyte har sparat om dig (person {export.PersonId}),")
            .AppendLine($"begärt {export.RequestedAt:yyyy-MM-dd HH:mm} (UTC) och sammanställt {now:yyyy-MM-dd HH:mm} (UTC).")
            .AppendLine("Varje del av tjänsten har lämnat sina uppgifter i en egen fil i formatet JSON (UTF-8),")
            .AppendLine("som kan läsas i en textredigerare och av andra program.")
            .AppendLine()
            .AppendLine("Filer")
            .AppendLine("-----")
            .AppendLine("export.json: vad som begärdes, när, och vilka delar som svarade.");
        foreach (var part in export.Parts.OrderBy(p => p.Service, StringComparer.Ordinal))
        {
            text.AppendLine($"{part.Service}.json: {Contents.GetValueOrDefault(part.Service, "")}");
        }

        var missing = export.Missing.ToList();
        if (missing.Count > 0)
        {
            text.AppendLine()
                .AppendLine("Saknas")
                .AppendLine("------")
                .AppendLine($"Följande delar svarade inte i tid och finns inte med: {string.Join(", ", missing)}.")
                .AppendLine("Exporten kan göras om; be en administratör eller gör om den själv i portalen.");
        }

        return text.AppendLine()
            .AppendLine("Godkänd dokumentation från träffarna är allmän handling och finns hos den ansvariga myndigheten.")
            .ToString();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
