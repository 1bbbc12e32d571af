using System.Text;
using KollegialtUtbyte.Feedback.ApiContracts;
using KollegialtUtbyte.Meetings.ApiContracts;
using KollegialtUtbyte.Portal.Programme;
using PdfSharp.Pdf.IO;

namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>The report's files written from a known scenario: every number lands where it belongs.</summary>
public sealed class EffectsReportFileTests
{
    private static readonly EffectsReport Report = EffectsReport.Compose(
        new MeetingsEffectsResponse(
            Guid.NewGuid(),
            "Vägar till hållbar utveckling",
            new DateOnly(2021, 1, 1),
            new DateOnly(2022, 12, 31),
            ["Region Halland", "Region Kronoberg"],
            [new ThemeMeetings("Extern samverkan", 2), new ThemeMeetings("Agenda 2030", 1)],
            [new ProgrammeCell("Roll", "Politiker", null, null), new ProgrammeCell("Roll", "Tjänsteperson med nyckelfunktion", 8, 14)],
            [new ProgrammeCell("Kön", "Ej angivet", 11, 17)],
            [new RegionQuota("Region Halland", 1, 1, 3, 3), new RegionQuota("Region Kronoberg", 1, 0, 1, 3)],
            [new ActionCount("Region Halland", ActionStatus.Done, 2), new ActionCount("Region Kronoberg", ActionStatus.Planned, 1), new ActionCount("Region Kronoberg", ActionStatus.Dropped, 1)]),
        new FeedbackEffectsResponse(
            Guid.NewGuid(),
            [
                new RegionExchange(Guid.NewGuid(), "Region Halland", 1, 1, 1, 4, 0, 0, 0, 0, 0),
                new RegionExchange(Guid.NewGuid(), "Region Kronoberg", 1, 1, 2, 8, 2, 1, 1, 1, 1),
            ],
            [
                new PriorityView(
                    Guid.NewGuid(),
                    Guid.NewGuid(),
                    Guid.NewGuid(),
                    "Region Kronoberg",
                    1,
                    "Hållbarhet i styrningen",
                    null,
                    [new PriorityResultView(Guid.NewGuid(), "Mål i budgeten", new DateOnly(2021, 11, 30), null, null, null, null, DateTimeOffset.UnixEpoch)],
                    [],
                    1),
            ]),
        new DateTimeOffset(2022, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_csv_has_a_block_per_table_with_the_scenarios_numbers()
    {
        var bytes = EffectsDownloads.Csv(Report);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(';')).ToList();
        Assert.Equal(["Period", "2021-01-01 – 2022-12-31", "", "", "", ""], rows[1]);
        Assert.Equal("Regioner;Region Halland, Region Kronoberg", string.Join(';', rows[2]).TrimEnd(';'));
        Assert.Equal("Skapad;2022-12-01 10:00", string.Join(';', rows[3]).TrimEnd(';'));
        Assert.Equal(["Extern samverkan;2", "Agenda 2030;1"], Block(rows, "Genomförda träffar per tema"));
        Assert.Equal(["Politiker;..;..", "Tjänsteperson med nyckelfunktion;8;14"], Block(rows, "Närvaro per roll"));
        Assert.Equal(["Region Halland;1;1;3;3", "Region Kronoberg;1;0;1;3"], Block(rows, "Politikernas närvaro mot kvoten"));
        Assert.Equal(["Region Halland;4;0;0;0", "Region Kronoberg;8;2;1;1"], Block(rows, "Förslag som regionerna fått och hur de tagits tillvara"));
        Assert.Equal(["Planerad;1", "Pågående;0", "Klar;2", "Avbruten;1"], Block(rows, "Åtgärder per status, hela programmet"));
        Assert.Equal(["Region Kronoberg;1. Hållbarhet i styrningen;2021-11-30: Mål i budgeten"], Block(rows, "Prioriteringar och resultat"));
    }

    [Fact]
    public void The_pdf_is_an_a4_document_titled_with_the_programme()
    {
        var bytes = EffectsDownloads.Pdf(Report);

        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.Equal("Effektrapport: Vägar till hållbar utveckling", document.Info.Title);
        Assert.Equal((595, 842), ((int)Math.Round(document.Pages[0].Width.Point), (int)Math.Round(document.Pages[0].Height.Point)));
    }

    [Fact]
    public void The_pdfs_text_has_the_scenarios_numbers_row_by_row()
    {
        var runs = PdfText.Runs(EffectsDownloads.Pdf(Report));

        Assert.Equal("Effektrapport: Vägar till hållbar utveckling", runs[0]);
        Assert.Equal(["Period: 2021-01-01 – 2022-12-31", "Regioner: Region Halland, Region Kronoberg", "Skapad: 2022-12-01 10:00"], runs[1..4]);
        // Each table's heading, its column names, then its rows cell by cell.
        AssertRows(runs, "Genomförda träffar per tema", ["Tema", "Genomförda träffar"], ["Extern samverkan", "2"], ["Agenda 2030", "1"]);
        AssertRows(runs, "Närvaro per roll", ["Roll", "Personer", "Närvarotillfällen"], ["Politiker", "..", ".."], ["Tjänsteperson med nyckelfunktion", "8", "14"]);
        AssertRows(runs, "Närvaro per kön", ["Kön", "Personer", "Närvarotillfällen"], ["Ej angivet", "11", "17"]);
        AssertRows(runs, "Politikernas närvaro mot kvoten", ["Region", "Politiker", "Har nått kvoten", "Flest närvarotillfällen", "Krav"],
            ["Region Halland", "1", "1", "3", "3"], ["Region Kronoberg", "1", "0", "1", "3"]);
        AssertRows(runs, "Strategiutkast och återkoppling per region", ["Region", "Utkast lämnade för återkoppling", "Återkoppling given", "Återkoppling mottagen"],
            ["Region Halland", "1", "1", "1"], ["Region Kronoberg", "1", "1", "2"]);
        AssertRows(runs, "Förslag som regionerna fått och hur de tagits tillvara", ["Region", "Mottagna förslag", "Tillvaratagna", "Delvis tillvaratagna", "Inte tillvaratagna"],
            ["Region Halland", "4", "0", "0", "0"], ["Region Kronoberg", "8", "2", "1", "1"]);
        AssertRows(runs, "Åtgärder från besluten per status", ["Region", "Status", "Antal"],
            ["Region Halland", "Klar", "2"], ["Region Kronoberg", "Planerad", "1"], ["Region Kronoberg", "Avbruten", "1"]);
        AssertRows(runs, "Åtgärder per status, hela programmet", ["Status", "Antal"], ["Planerad", "1"], ["Pågående", "0"], ["Klar", "2"], ["Avbruten", "1"]);
        AssertRows(runs, "Prioriteringar och resultat", ["Region", "Prioritering", "Resultat"], ["Region Kronoberg", "1. Hållbarhet i styrningen", "2021-11-30: Mål i budgeten"]);
        // The charts carry the same numbers as labelled bars: the themes' meetings, the programme's actions per status.
        Assert.Equal(["Extern samverkan", "2", "Agenda 2030", "1"], runs.SkipWhile(r => r != "Genomförda träffar per tema").Skip(1).Take(4));
        Assert.Equal(["Planerad", "1", "Pågående", "0", "Klar", "2", "Avbruten", "1"], runs.SkipWhile(r => r != "Åtgärder per status, hela programmet").Skip(1).Take(8));
    }

    /// <summary>
    /// The table's column names (each may be wrapped onto several lines: runs joined by spaces),
    /// then its rows cell by cell, after the table's heading (and its chart).
    /// </summary>
    private static void AssertRows(List<string> runs, string table, string[] columns, params string[][] rows)
    {
        var heading = runs.IndexOf(table);
        Assert.True(heading >= 0, $"No heading {table} in the PDF's text.");
        string[] cells = [.. rows.SelectMany(r => r)];
        var names = string.Join(' ', columns);
        for (var at = heading + 1; at + cells.Length <= runs.Count; at++)
        {
            if (runs.Skip(at).Take(cells.Length).SequenceEqual(cells)
                && Enumerable.Range(1, Math.Min(at - heading - 1, names.Length)).Any(k => string.Join(' ', runs.Skip(at - k).Take(k)) == names))
            {
                return;
            }
        }

        Assert.Fail($"The PDF does not show {table} as [{names}] then [{string.Join(" | ", cells)}]: " + string.Join(" | ", runs.Skip(heading)));
    }

    private static List<string> Block(List<string[]> rows, string table) =>
        rows.Where(r => r[0] == table).Select(r => string.Join(';', r.Skip(1)).TrimEnd(';')).ToList();
}
