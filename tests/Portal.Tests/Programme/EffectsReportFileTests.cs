using System.Text;
using KollegialtUtbyte.Portal.Programme;
using PdfSharp.Pdf.IO;

namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>The report's files written from a known scenario: every number lands where it belongs.</summary>
public sealed class EffectsReportFileTests
{
    private static readonly EffectsReport Report = EffectsReport.Compose(
        new MeetingsEffects(
            Guid.NewGuid(),
            "Vägar till hållbar utveckling",
            new DateOnly(2021, 1, 1),
            new DateOnly(2022, 12, 31),
            ["Region Halland", "Region Kronoberg"],
            [new ThemeMeetings("Extern samverkan", 2), new ThemeMeetings("Agenda 2030", 1)],
            [new ProgrammeStatisticsCell("Roll", "Politiker", null, null), new ProgrammeStatisticsCell("Roll", "Tjänsteperson med nyckelfunktion", 8, 14)],
            [new ProgrammeStatisticsCell("Kön", "Ej angivet", 11, 17)],
            [new RegionQuota("Region Halland", 1, 1, 3, 3), new RegionQuota("Region Kronoberg", 1, 0, 1, 3)],
            [new ActionCount("Region Halland", "Done", 2), new ActionCount("Region Kronoberg", "Planned", 1), new ActionCount("Region Kronoberg", "Dropped", 1)]),
        new FeedbackEffects(
            Guid.NewGuid(),
            [
                new RegionExchange(Guid.NewGuid(), "Region Halland", 1, 1, 1, 4, 0, 0, 0, 0, 0),
                new RegionExchange(Guid.NewGuid(), "Region Kronoberg", 1, 1, 2, 8, 2, 1, 1, 1, 1),
            ],
            [new PriorityEntry("Region Kronoberg", 1, "Hållbarhet i styrningen", [new PriorityResultEntry("Mål i budgeten", new DateOnly(2021, 11, 30))])]),
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

    private static List<string> Block(List<string[]> rows, string table) =>
        rows.Where(r => r[0] == table).Select(r => string.Join(';', r.Skip(1)).TrimEnd(';')).ToList();
}
