using KollegialtUtbyte.Portal.Tests.Security;

namespace KollegialtUtbyte.Portal.Tests.Exchanges;

/// <summary>The exchange pages in a real browser: accessible (WCAG 2.1 AA) with every section their format has.</summary>
public sealed class ExchangePagesBrowserTests(Browser browser) : ExchangePortalTest, IClassFixture<Browser>
{
    [Fact]
    public async Task The_new_exchange_form_and_a_dialogues_and_a_networks_pages_are_accessible()
    {
        var page = await SignedInPageAsync(TestUser.Administrator());

        await page.GotoAsync("/admin/utbyten/nytt");
        await page.GetByLabel("Strategiskt samtal").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsätt" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Frågan samtalet handlar om")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("exchange-new-dialogue");

        await page.GotoAsync($"/admin/utbyten/{ExchangeServices.DialogueId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deltagare", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("published")).ToHaveTextAsync("Publicerad");
        await page.AssertAccessibleAsync("exchange-dialogue");

        await page.GotoAsync($"/admin/utbyten/{ExchangeServices.NetworkId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Medlemsorganisationer", Level = 2 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("exchange-network");
    }

    [Fact]
    public async Task The_convener_signs_the_protocol_from_its_page()
    {
        var convener = new TestUser(ExchangeServices.Convener.Id, ExchangeServices.Convener.Name, "johanna@example.test", []);
        var page = await SignedInPageAsync(convener);

        await page.GotoAsync($"/mina-traffar/{ExchangeServices.NetworkMeetingId}/protokoll");
        await page.AssertAccessibleAsync("exchange-protocol-to-sign");
        await page.GetByRole(AriaRole.Button, new() { Name = "Signera protokollet" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Du har signerat protokollet.");
        Assert.Single(Services.Signed);
    }

    /// <summary>Signed in over HTTP (the stand-in signs in without its own page), the session cookie carried into the browser.</summary>
    private async Task<IPage> SignedInPageAsync(TestUser user)
    {
        Gateway.User = user;
        using var client = Site.Client();
        using var response = await client.SignInAsync(user.Email, IdentityStandIn.Password);
        var page = await browser.NewPageAsync(Site.Address);
        await page.Context.AddCookiesAsync(client.Cookies.Select(c => new Cookie { Name = c.Key, Value = c.Value, Url = Site.Address.ToString() }));
        return page;
    }
}
