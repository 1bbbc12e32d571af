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

    [Fact]
    public async Task The_identity_services_sign_in_page_is_accessible_and_says_what_is_missing_keeping_the_address()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.GotoAsync("/logga-in");
        await page.AssertAccessibleAsync("sign-in");

        await page.GetByLabel("E-postadress").FillAsync("pia.politiker@halland.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).Last.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fyll i både e-postadress och lösenord.");
        Assert.Equal("pia.politiker@halland.example", await page.GetByLabel("E-postadress").InputValueAsync());
        await page.AssertAccessibleAsync("sign-in-error");
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_a_politician_is_told_an_administrator_page_is_not_theirs()
    {
        var page = await browser.NewPageAsync(suite.Address);
        await page.GotoAsync("/admin/program");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/account/sign-in\?returnUrl=%2Fconnect%2Fauthorize%3F.*&lang=sv$"));

        await page.GetByLabel("E-postadress").FillAsync("larsgoran.nyberg@regionsormland.example");
        await page.GetByLabel("Lösenord").FillAsync(EmbeddedSuite.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).Last.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Program", Exact = true })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync("access-denied");
    }

    [Fact]
    public async Task An_address_that_does_not_exist_gets_a_page_that_says_so()
    {
        var page = await browser.NewPageAsync(suite.Address);
        var response = await page.GotoAsync("/finns-inte-alls");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sidan finns inte", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("not-found");
    }
}
