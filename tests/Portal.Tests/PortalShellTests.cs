using Microsoft.AspNetCore.Mvc.Testing;

namespace KollegialtUtbyte.Portal.Tests;

/// <summary>The portal's frame on its own: language, sign-in page, accessibility, keyboard use.</summary>
public sealed class PortalShellTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private WebApplicationFactory<KollegialtUtbyte.Portal.PortalApplication> _portal = null!;
    private TestTokenIssuer _issuer = null!;

    public Uri Address { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _portal = new WebApplicationFactory<KollegialtUtbyte.Portal.PortalApplication>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Auth:Authority", _issuer.Issuer);
            b.UseSetting("Auth:RequireHttpsMetadata", "false");
            b.UseSetting("Portal:GatewayUrl", _issuer.Issuer);
        });
        _portal.ListenOnLoopback();
        _portal.StartServer();
        Address = _portal.Services.ServerAddress();
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task The_start_page_is_Swedish_by_default_and_English_on_request()
    {
        var page = await browser.NewPageAsync(Address);
        await page.GotoAsync("/");

        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Välkommen", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();

        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Welcome", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync("start-en");
    }

    [Fact]
    public async Task The_start_page_is_styled_and_accessible_on_a_phone()
    {
        var page = await browser.NewPageAsync(Address, phone: true);
        var stylesheet = page.WaitForResponseAsync(r => r.Url.EndsWith("/portal-assets/site.css", StringComparison.Ordinal));
        await page.GotoAsync("/");

        Assert.Equal(200, (await stylesheet).Status);

        await page.AssertAccessibleAsync("start-phone");
    }
}
