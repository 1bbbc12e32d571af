using KollegialtUtbyte.Portal.About;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KollegialtUtbyte.Portal.Tests.About;

/// <summary>
/// The accessibility statement and the privacy notice: public, linked from every page's footer,
/// naming the configured authority, in Swedish and English, accessible like the other pages.
/// </summary>
public sealed class PublicPagesTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Authority = "Region Testland";
    private const string Contact = "kontakt@testland.example";
    private const string AccessibilityContact = "tillganglighet@testland.example";
    private const string Officer = "dataskyddsombud@testland.example";

    private WebApplicationFactory<PortalApplication> _portal = null!;
    private TestTokenIssuer _issuer = null!;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _portal = new WebApplicationFactory<PortalApplication>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Auth:Authority", _issuer.Issuer);
            b.UseSetting("Auth:RequireHttpsMetadata", "false");
            b.UseSetting("Portal:GatewayUrl", _issuer.Issuer);
            b.UseSetting("Portal:Publisher:Name", Authority);
            b.UseSetting("Portal:Publisher:Email", Contact);
            b.UseSetting("Portal:Publisher:AccessibilityEmail", AccessibilityContact);
            b.UseSetting("Portal:Publisher:DataProtectionOfficerEmail", Officer);
        });
        _portal.ListenOnLoopback();
        _portal.StartServer();
        _address = _portal.Services.ServerAddress();
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task The_accessibility_statement_is_reached_from_the_footer_without_signing_in_and_follows_Diggs_model()
    {
        var page = await browser.NewPageAsync(_address);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Tillgänglighetsredogörelse" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_address, "/tillganglighet").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tillgänglighetsredogörelse");
        var statement = page.GetByTestId("accessibility-statement");
        await Assertions.Expect(statement).ToContainTextAsync($"{Authority} står bakom Kollegialt utbyte");
        string[] sections =
        [
            "Hur tillgänglig är tjänsten?",
            "Vad kan du göra om du inte kan använda delar av tjänsten?",
            "Rapportera brister i tjänstens tillgänglighet",
            "Tillsyn",
            "Teknisk information om tjänstens tillgänglighet",
            "Innehåll som inte är tillgängligt",
            "Innehåll som inte omfattas av lagstiftningen",
            "Hur vi testat tjänsten",
        ];
        Assert.Equal(sections, (await statement.Locator("h2, h3").AllInnerTextsAsync()).Select(t => t.Trim()));
        await Assertions.Expect(page.GetByTestId("compliance-status")).ToContainTextAsync("delvis förenlig");
        await Assertions.Expect(page.GetByTestId("compliance-status")).ToContainTextAsync("WCAG 2.1 på nivå AA");

        // Reporting a problem works without an account: a mail to the reporting address, subject given.
        var report = await page.GetByTestId("report-accessibility-problem").GetAttributeAsync("href");
        Assert.Equal($"mailto:{AccessibilityContact}?subject={Uri.EscapeDataString("Tillgänglighetsproblem i Kollegialt utbyte")}", report);
        Assert.Equal("https://www.digg.se/tdosanmalan", await page.GetByRole(AriaRole.Link, new() { Name = "Anmäl bristande tillgänglighet till Digg" }).GetAttributeAsync("href"));

        await page.AssertAccessibleAsync("accessibility-statement-sv");
    }

    [Fact]
    public async Task The_privacy_notice_names_the_controller_the_data_the_reasons_and_the_rights()
    {
        var page = await browser.NewPageAsync(_address);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Personuppgifter" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Så behandlar vi dina personuppgifter");
        var notice = page.GetByTestId("privacy-notice");
        await Assertions.Expect(notice).ToContainTextAsync($"{Authority} är personuppgiftsansvarig");
        await Assertions.Expect(notice).ToContainTextAsync("artikel 6.1 e");
        await Assertions.Expect(notice).ToContainTextAsync("allmän handling");
        Assert.Equal($"mailto:{Officer}", await notice.GetByRole(AriaRole.Link, new() { Name = Officer }).GetAttributeAsync("href"));
        Assert.Equal($"mailto:{Contact}", await page.GetByTestId("privacy-contact").GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        Assert.Equal("https://www.imy.se", await notice.GetByRole(AriaRole.Link, new() { Name = "Integritetsskyddsmyndigheten" }).GetAttributeAsync("href"));

        await page.AssertAccessibleAsync("privacy-notice-sv");
    }

    [Theory]
    [InlineData("/tillganglighet", "Accessibility statement", "accessibility-statement-en")]
    [InlineData("/personuppgifter", "How we process your personal data", "privacy-notice-en")]
    public async Task Both_pages_are_in_English_on_request_and_accessible_on_a_phone(string path, string heading, string name)
    {
        var page = await browser.NewPageAsync(_address, phone: true);
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Personal data" })).ToBeVisibleAsync();

        await page.AssertAccessibleAsync(name);
    }

    [Fact]
    public void Production_does_not_start_without_the_responsible_authority_and_never_with_a_malformed_address()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => PublisherRegistration.Resolve(new PublisherOptions(), production: true));
        Assert.Contains("Portal:Publisher:Name", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Portal:Publisher:Email", missing.Message, StringComparison.Ordinal);

        var malformed = Assert.Throws<InvalidOperationException>(() => PublisherRegistration.Resolve(
            new PublisherOptions { Name = Authority, Email = Contact, AccessibilityEmail = "inte en adress" }, production: false));
        Assert.Contains("Portal:Publisher:AccessibilityEmail", malformed.Message, StringComparison.Ordinal);

        // Outside Production an unconfigured portal shows a demo authority; given settings are used as given.
        Assert.Contains("demo", PublisherRegistration.Resolve(new PublisherOptions(), production: false).Name, StringComparison.Ordinal);
        var given = PublisherRegistration.Resolve(new PublisherOptions { Name = Authority, Email = Contact }, production: true);
        Assert.Equal(new Publisher(Authority, Contact, Contact, null), given);
    }
}
