using Microsoft.Playwright;

namespace KollegialtUtbyte.Portal.Tests;

/// <summary>The portal inside the whole suite: signing in with a demo account works end to end.</summary>
public sealed class EmbeddedSuiteTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_administrator_signs_in_and_out_through_the_portal()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.GotoAsync("/logga-in");

        await page.GetByLabel("E-postadress").FillAsync(EmbeddedSuite.AdministratorEmail);
        await page.GetByLabel("Lösenord").FillAsync(EmbeddedSuite.AdministratorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).Last.ClickAsync();

        await Assertions.Expect(page.GetByText("Inloggad som")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("start-signed-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_the_address_kept()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.GotoAsync("/logga-in");

        await page.GetByLabel("E-postadress").FillAsync(EmbeddedSuite.AdministratorEmail);
        await page.GetByLabel("Lösenord").FillAsync("fel-lösenord-helt-enkelt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).Last.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-postadressen eller lösenordet stämmer inte.");
        Assert.Equal(EmbeddedSuite.AdministratorEmail, await page.GetByLabel("E-postadress").InputValueAsync());
    }
}
