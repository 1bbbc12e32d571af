using System.Text;

namespace KollegialtUtbyte.Portal.Tests.Team;

/// <summary>The suite with a small upload limit (<c>Uploads:MaxDocumentBytes</c>, 1 MB), set once for all of it.</summary>
public sealed class SmallUploadLimitSuite : IAsyncLifetime
{
    public const int Limit = 1024 * 1024;

    public EmbeddedSuite Suite { get; } = new(LoopbackPorts.Reserve(), new Dictionary<string, string?>
    {
        ["Uploads:MaxDocumentBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public ValueTask InitializeAsync() => Suite.InitializeAsync();

    public ValueTask DisposeAsync() => Suite.DisposeAsync();
}

/// <summary>
/// The upload form states the configured limit, the browser refuses a larger file before sending it,
/// and without scripts the Feedback service's refusal of the same limit reaches the person.
/// </summary>
public sealed class UploadLimitTests(SmallUploadLimitSuite limited, Browser browser) : IClassFixture<SmallUploadLimitSuite>, IClassFixture<Browser>
{
    private const string Member = "anders.brandt@regionhalland.example";

    private static FilePayload TooLarge => new()
    {
        Name = "stor.md",
        MimeType = "text/markdown",
        Buffer = Encoding.UTF8.GetBytes(new string('a', SmallUploadLimitSuite.Limit + 1)),
    };

    [Fact]
    public async Task The_form_states_the_configured_limit_and_the_browser_refuses_a_larger_file()
    {
        var page = await browser.NewPageAsync(limited.Suite.Address);
        await TeamSteps.SignInAsync(page, Member, returnUrl: "/team/dokument");

        await Assertions.Expect(page.GetByText("PDF, DOCX, ODT eller Markdown, högst 1 MB.")).ToBeVisibleAsync();
        var file = page.GetByLabel("Fil", new() { Exact = true });
        await file.SetInputFilesAsync(TooLarge);

        Assert.Equal("Filen är för stor: högst 1 MB tas emot.", await file.EvaluateAsync<string>("input => input.validationMessage"));
    }

    [Fact]
    public async Task Without_javascript_a_file_over_the_limit_is_refused_by_the_service_and_explained()
    {
        var context = await browser.Instance.NewContextAsync(new() { BaseURL = limited.Suite.Address.ToString(), Locale = "sv-SE", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await TeamSteps.SignInAsync(page, Member, returnUrl: "/team/dokument");

        await page.GetByLabel("Titel").FillAsync("Handlingsplan för kompetensförsörjning");
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(TooLarge);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp dokumentet" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Filen är för stor: högst 1 MB tas emot.");
        await Assertions.Expect(page.GetByText("PDF, DOCX, ODT eller Markdown, högst 1 MB.")).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}
