using CsvHelper;
using KollegialtUtbyte.Feedback.ApiContracts;
using KollegialtUtbyte.Portal.Authentication;
using KollegialtUtbyte.ServiceDefaults.Security;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace KollegialtUtbyte.Portal.Programme;

/// <summary>
/// The effects report as files: CSV in the shape of the statistics export (UTF-8 with a byte order
/// mark, semicolons, ".." for suppressed counts), one block per table headed by its columns, each
/// line starting with the table's name; and a
/// PDF for the agency (A4, Swedish: the programme's name, period and regions, each table with its
/// chart, and the generation date), written with PDFsharp (MIT).
/// </summary>
public static class EffectsDownloads
{
    public const string CsvPath = "/admin/effekter.csv";
    public const string PdfPath = "/admin/effekter.pdf";

    public static IEndpointRouteBuilder MapEffectsDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvPath, CsvAsync).RequireAuthorization(PortalPolicies.Administrator).ExcludeFromDescription().WithSecurityHeaders();
        app.MapGet(PdfPath, PdfAsync).RequireAuthorization(PortalPolicies.Administrator).ExcludeFromDescription().WithSecurityHeaders();
        return app;
    }

    public static byte[] Csv(EffectsReport report)
    {
        // Every record has as many fields as the widest table (RFC 4180); shorter ones end in empty fields.
        var width = 1 + report.Tables.Max(t => t.Columns.Count);
        string[] Padded(params string[] fields) => [.. fields, .. Enumerable.Repeat("", width - fields.Length)];

        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape, NewLine = "\r\n" }, true))
        {
            csv.WriteRecord(Padded("Effektrapport", report.ProgrammeName));
            csv.WriteRecord(Padded("Period", report.Period));
            csv.WriteRecord(Padded("Regioner", string.Join(", ", report.Regions)));
            csv.WriteRecord(Padded("Skapad", Generated(report)));
            foreach (var table in report.Tables)
            {
                csv.WriteRecord(Padded(["Tabell", .. table.Columns]));
                foreach (var row in table.Rows)
                {
                    csv.WriteRecord(Padded([table.Title, .. row]));
                }
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Pdf(EffectsReport report)
    {
        ReportFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"Effektrapport: {report.ProgrammeName}";
        document.Info.Author = "Kollegialt utbyte";
        new PdfWriter(document).Write(report);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string Generated(EffectsReport report) => ProgrammeTime.Local(report.GeneratedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static async Task CsvAsync(HttpContext http, MeetingsApi meetings, CancellationToken ct) =>
        await SendAsync(http, meetings, "text/csv; charset=utf-8", "csv", Csv, ct);

    private static async Task PdfAsync(HttpContext http, MeetingsApi meetings, CancellationToken ct) =>
        await SendAsync(http, meetings, "application/pdf", "pdf", Pdf, ct);

    private static async Task SendAsync(HttpContext http, MeetingsApi meetings, string contentType, string extension, Func<EffectsReport, byte[]> write, CancellationToken ct)
    {
        var report = await EffectsReport.LoadAsync(meetings, http.RequestServices.GetRequiredService<FeedbackApi>(), ct);
        if (report.Value is null)
        {
            http.Response.StatusCode = report.Problem?.Status ?? StatusCodes.Status404NotFound;
            return;
        }

        byte[] bytes;
        try
        {
            bytes = write(report.Value);
        }
        catch (ReportFontsMissingException missing)
        {
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable", detail: missing.Message).ExecuteAsync(http);
            return;
        }

        var day = ProgrammeTime.Local(report.Value.GeneratedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"effektrapport-{day}.{extension}\"";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.Body.WriteAsync(bytes, ct);
    }

    /// <summary>Lays the report out on A4 pages, top to bottom, starting a new page when the next block does not fit.</summary>
    private sealed class PdfWriter(PdfDocument document)
    {
        private const double Margin = 50;
        private const double Width = 595 - (2 * Margin);
        private const double Bottom = 842 - Margin;
        private const double LineHeight = 13;

        private static readonly XFont Title = new(ReportFonts.Family, 18, XFontStyleEx.Bold);
        private static readonly XFont Heading = new(ReportFonts.Family, 12, XFontStyleEx.Bold);
        private static readonly XFont Body = new(ReportFonts.Family, 9, XFontStyleEx.Regular);
        private static readonly XFont Bold = new(ReportFonts.Family, 9, XFontStyleEx.Bold);

        private XGraphics? _graphics;
        private double _y;

        public void Write(EffectsReport report)
        {
            NewPage();
            Text($"Effektrapport: {report.ProgrammeName}", Title, Margin, 24);
            Text($"Period: {report.Period}", Body, Margin, LineHeight);
            Text($"Regioner: {string.Join(", ", report.Regions)}", Body, Margin, LineHeight);
            Text($"Skapad: {Generated(report)}", Body, Margin, LineHeight);
            Text("Antal under tre personer redovisas inte (..).", Body, Margin, LineHeight * 2);
            foreach (var table in report.Tables)
            {
                Block(table);
            }

            _graphics?.Dispose();
        }

        private void Block(ReportTable table)
        {
            var bars = table.Bars();
            Ensure(LineHeight * 4);
            _y += 6;
            Text(table.Title, Heading, Margin, 18);
            if (bars.Count > 0)
            {
                Chart(bars);
            }

            // Column names wrap onto as many lines as they need: a cut name would leave the agency guessing.
            var width = Width / table.Columns.Count;
            var header = table.Columns.Select(c => Wrap(c, Bold, width - 4)).ToList();
            var lines = header.Max(h => h.Count);
            Ensure(LineHeight * lines);
            for (var i = 0; i < header.Count; i++)
            {
                for (var line = 0; line < header[i].Count; line++)
                {
                    _graphics!.DrawString(header[i][line], Bold, XBrushes.Black, new XRect(Margin + (i * width), _y + (line * LineHeight), width, LineHeight), XStringFormats.TopLeft);
                }
            }

            _y += LineHeight * lines;
            foreach (var row in table.Rows)
            {
                Ensure(LineHeight);
                for (var i = 0; i < row.Count; i++)
                {
                    Cell(row[i], Body, Margin + (i * width), width);
                }

                _y += LineHeight;
            }

            if (table.Rows.Count == 0)
            {
                Text("Inga uppgifter ännu.", Body, Margin, LineHeight);
            }
        }

        private void Chart(IReadOnlyList<(string Label, int? Value)> bars)
        {
            const double labelWidth = 180;
            var max = Math.Max(1, bars.Max(b => b.Value ?? 0));
            foreach (var (label, value) in bars)
            {
                Ensure(LineHeight);
                Cell(label, Body, Margin, labelWidth);
                var length = (Width - labelWidth - 40) * (value ?? 0) / max;
                if (length > 0)
                {
                    _graphics!.DrawRectangle(XBrushes.SeaGreen, Margin + labelWidth, _y + 2, length, LineHeight - 4);
                }

                Cell(value?.ToString(CultureInfo.InvariantCulture) ?? EffectsReport.Suppressed, Body, Margin + labelWidth + length + 4, 36);
                _y += LineHeight;
            }

            _y += 4;
        }

        private void Text(string text, XFont font, double x, double height)
        {
            Ensure(height);
            _graphics!.DrawString(Fit(text, font, Width), font, XBrushes.Black, new XRect(x, _y, Width, height), XStringFormats.TopLeft);
            _y += height;
        }

        private void Cell(string text, XFont font, double x, double width) =>
            _graphics!.DrawString(Fit(text, font, width - 4), font, XBrushes.Black, new XRect(x, _y, width, LineHeight), XStringFormats.TopLeft);

        /// <summary>The words of the text on lines that fit the width; a single word wider than that is cut.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var longer = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && _graphics!.MeasureString(longer, font).Width > width)
                {
                    lines.Add(Fit(line, font, width));
                    line = word;
                }
                else
                {
                    line = longer;
                }
            }

            lines.Add(Fit(line, font, width));
            return lines;
        }

        /// <summary>Cuts text that does not fit its cell, marking the cut; the CSV has every word.</summary>
        private string Fit(string text, XFont font, double width)
        {
            if (_graphics!.MeasureString(text, font).Width <= width)
            {
                return text;
            }

            var cut = text;
            while (cut.Length > 1 && _graphics.MeasureString(cut + "…", font).Width > width)
            {
                cut = cut[..^1];
            }

            return cut + "…";
        }

        private void Ensure(double height)
        {
            if (_graphics is null || _y + height > Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _y = Margin;
        }
    }
}

/// <summary>
/// PDFsharp embeds the fonts it writes with and finds none by itself on Linux: the report uses
/// DejaVu Sans or Liberation Sans from the system's font directory (Debian: fonts-dejavu-core, installed by services/Dockerfile).
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    public const string Family = "Rapport";

    private static readonly string[][] Candidates =
    [
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
        ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"],
    ];

    private static readonly Lock Installing = new();

    private readonly string[] _files;

    private ReportFonts(string[] files) => _files = files;

    public static void EnsureInstalled()
    {
        lock (Installing)
        {
            if (GlobalFontSettings.FontResolver is ReportFonts)
            {
                return;
            }

            var files = Candidates.FirstOrDefault(pair => pair.All(File.Exists))
                ?? throw new ReportFontsMissingException();
            GlobalFontSettings.FontResolver = new ReportFonts(files);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        familyName == Family ? new FontResolverInfo(bold ? "bold" : "regular") : null;

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == "bold" ? _files[1] : _files[0]);
}

/// <summary>The machine has none of the fonts the PDF is written with (answered 503; the CSV still works).</summary>
internal sealed class ReportFontsMissingException()
    : Exception("Rapporten kan inte skrivas som PDF: typsnittet DejaVu Sans eller Liberation Sans saknas på servern (Debian: fonts-dejavu-core).");
