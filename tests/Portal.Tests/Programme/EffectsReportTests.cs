using System.Text;
using PdfSharp.Pdf.IO;

namespace KollegialtUtbyte.Portal.Tests.Programme;

/// <summary>
/// The programme's effects report: a page with charts and tables, a CSV and a PDF, whose numbers
/// are the services' own (each service's part is checked against a known scenario in its tests).
/// </summary>
public sealed class EffectsReportTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>
{
    private const string SormlandAuthor = "jonas.ekdahl@regionsormland.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_report_page_csv_and_pdf_show_the_services_numbers_and_a_priority_the_team_recorded()
    {
        using var admin = await suite.ApiAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        using var team = await suite.ApiAsync(SormlandAuthor, EmbeddedSuite.DemoPassword);
        var exchange = await admin.GetFromJsonAsync<JsonElement>($"/api/feedback/programmes/{EmbeddedSuite.ProgrammeId}/effects", Ct);
        var sormland = exchange.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("regionName").GetString() == "Region Sörmland").GetProperty("regionId").GetGuid();
        var priority = await (await team.PostAsJsonAsync(
            $"/api/feedback/programmes/{EmbeddedSuite.ProgrammeId}/regions/{sormland}/priorities", new { title = "Hållbarhet i ordinarie styrning" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var result = await team.PostAsJsonAsync($"/api/feedback/priorities/{priority.GetProperty("id").GetGuid()}/results", new { text = "Mål i budgetanvisningarna", achievedOn = "2021-11-30" }, Ct);
        Assert.True(result.IsSuccessStatusCode, await result.Content.ReadAsStringAsync(Ct));
        var meetings = await admin.GetFromJsonAsync<JsonElement>($"/api/meetings/programmes/{EmbeddedSuite.ProgrammeId}/effects", Ct);
        exchange = await admin.GetFromJsonAsync<JsonElement>($"/api/feedback/programmes/{EmbeddedSuite.ProgrammeId}/effects", Ct);

        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Effektrapport" })).ToHaveAttributeAsync("href", "/admin/effekter");
        await page.GotoAsync("/admin/effekter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Effektrapport");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Diagram: Genomförda träffar per tema, genomförda träffar. Samma siffror finns i tabellen nedan." })).ToBeVisibleAsync();
        var priorities = page.GetByRole(AriaRole.Table, new() { Name = "Prioriteringar och resultat" });
        await Assertions.Expect(priorities).ToContainTextAsync("1. Hållbarhet i ordinarie styrning");
        await Assertions.Expect(priorities).ToContainTextAsync("2021-11-30: Mål i budgetanvisningarna");
        await page.AssertAccessibleAsync("admin-effects-report");

        // The CSV: UTF-8 with a byte order mark and semicolons, one block per table, the services' numbers.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner rapporten (CSV)" }).ClickAsync());
        Assert.Matches(@"^effektrapport-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(';')).ToList();
        Assert.Equal($"Effektrapport;{meetings.GetProperty("programmeName").GetString()}", string.Join(';', rows[0]).TrimEnd(';'));
        Assert.Equal(
            meetings.GetProperty("meetingsPerTheme").EnumerateArray().Select(t => $"{t.GetProperty("theme").GetString()};{t.GetProperty("held").GetInt32()}"),
            Block(rows, "Genomförda träffar per tema"));
        Assert.Equal(
            exchange.GetProperty("regions").EnumerateArray().Select(r =>
                $"{r.GetProperty("regionName").GetString()};{r.GetProperty("draftsSubmitted").GetInt32()};{r.GetProperty("feedbackGiven").GetInt32()};{r.GetProperty("feedbackReceived").GetInt32()}"),
            Block(rows, "Strategiutkast och återkoppling per region"));
        Assert.Contains("Region Sörmland;1. Hållbarhet i ordinarie styrning;2021-11-30: Mål i budgetanvisningarna", Block(rows, "Prioriteringar och resultat"));

        // The PDF for the agency: one A4 document titled with the programme.
        var pdf = await page.Context.APIRequest.GetAsync("/admin/effekter.pdf");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        using var document = PdfReader.Open(new MemoryStream(await pdf.BodyAsync()), PdfDocumentOpenMode.Import);
        Assert.Equal($"Effektrapport: {meetings.GetProperty("programmeName").GetString()}", document.Info.Title);
        Assert.True(document.PageCount >= 1);
        Assert.Equal(595, document.Pages[0].Width.Point, 0);
    }

    [Fact]
    public async Task The_report_page_is_in_English_after_the_switch_while_its_files_stay_Swedish()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        await page.GotoAsync("/admin/effekter");
        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Effects report");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Chart: Meetings held per theme, meetings held. The table below has the same figures." })).ToBeVisibleAsync();
        var actions = page.GetByRole(AriaRole.Table, new() { Name = "Actions by status, whole programme" });
        await Assertions.Expect(actions.Locator("thead th")).ToHaveTextAsync(["Status", "Number"]);
        await Assertions.Expect(actions.Locator("tbody th")).ToHaveTextAsync(["Planned", "In progress", "Done", "Dropped"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Priorities and results" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("admin-effects-report-en");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the report (CSV)" }).ClickAsync());
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync(), Ct));
        Assert.Contains("Åtgärder per status, hela programmet;Planerad;", csv);
    }

    [Fact]
    public async Task The_report_files_need_an_administrators_sign_in()
    {
        var page = await browser.NewPageAsync(suite.Address);
        foreach (var path in new[] { "/admin/effekter.csv", "/admin/effekter.pdf" })
        {
            var response = await page.Context.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
            Assert.Equal(302, response.Status);
            Assert.Contains("/logga-in", response.Headers["location"]);
        }
    }

    /// <summary>The rows of one table of the CSV, without the table's name in front.</summary>
    private static List<string> Block(List<string[]> rows, string table) =>
        rows.Where(r => r[0] == table).Select(r => string.Join(';', r.Skip(1)).TrimEnd(';')).ToList();
}
