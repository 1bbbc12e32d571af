using System.IO.Compression;
using KollegialtUtbyte.Portal.Tests.Team;

namespace KollegialtUtbyte.Portal.Tests.About;

/// <summary>
/// A signed-in person asks for a copy of her data on "Mina uppgifter", follows the services'
/// answers and downloads one archive, on the embedded suite where every service answers.
/// </summary>
public sealed class MyDataTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>
{
    [Fact]
    public async Task A_politician_downloads_a_copy_of_her_data_from_her_page()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(page, TeamSteps.VarmlandPolitician);

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Mina uppgifter" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mina uppgifter");
        await page.AssertAccessibleAsync("my-data");
        await page.GetByTestId("request-export").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Din begäran är skickad");
        var export = page.GetByTestId("export").First;
        await Eventually.UntilAsync(
            async () =>
            {
                if (await export.GetByTestId("export-state").InnerTextAsync() is var state && state.StartsWith("Klar", StringComparison.Ordinal))
                {
                    return true;
                }

                await page.GotoAsync("/mina-uppgifter");
                return false;
            },
            ready => ready,
            "every service answered the export",
            TimeSpan.FromSeconds(60));
        await page.AssertAccessibleAsync("my-data-ready");

        var download = await page.RunAndWaitForDownloadAsync(() => export.GetByTestId("download-export").ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"ku-export-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(saved);
        Dictionary<string, string> files;
        using (var zip = ZipFile.OpenRead(saved))
        {
            files = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        }

        File.Delete(saved);
        Assert.Equal(["LÄSMIG.txt", "export.json", "feedback.json", "identity.json", "meetings.json", "notifications.json", "regions.json"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TeamSteps.VarmlandPolitician, JsonDocument.Parse(files["regions.json"]).RootElement.GetProperty("person").GetProperty("email").GetString());
        Assert.Contains(TeamSteps.VarmlandPolitician, files["identity.json"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("personuppgifter-", download.SuggestedFilename[..16]);
    }
}
