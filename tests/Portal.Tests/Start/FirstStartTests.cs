using KollegialtUtbyte.Portal.Tests.Programme;
using KollegialtUtbyte.Portal.Tests.Team;

namespace KollegialtUtbyte.Portal.Tests.Start;

/// <summary>
/// The start pages of a programme whose plan is not yet published: the politician and the facilitator
/// are told what will come, the administrator is led from the start page to publishing the plan.
/// </summary>
public sealed class FirstStartTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>
{
    [Fact]
    public async Task Before_publication_the_politician_and_the_facilitator_are_told_what_comes_and_the_administrator_is_led_to_publish_the_plan()
    {
        // The politician: no invitation yet, and no empty page either.
        var politician = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(politician, TeamSteps.VarmlandPolitician);
        await Assertions.Expect(politician.GetByTestId("start-nothing-yet")).ToContainTextAsync("Du har inga inbjudningar än");
        await Assertions.Expect(politician.GetByTestId("start-nothing-yet")).ToContainTextAsync("publicerar mötesplanen");
        await Assertions.Expect(politician.GetByRole(AriaRole.Heading, new() { Name = "Protokoll från träffar du var med på" })).ToBeVisibleAsync();
        await politician.AssertAccessibleAsync("start-politician-before-publication");

        // The facilitator: no meeting of hers yet, told when there will be, and led to the programme's meetings.
        var facilitator = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(facilitator, "charlotte.wiberg@ramboll.example");
        await Assertions.Expect(facilitator.GetByTestId("start-nothing-yet")).ToContainTextAsync("gör dig till processledare för en träff");
        await Assertions.Expect(facilitator.GetByTestId("start-nothing-yet").GetByRole(AriaRole.Link, new() { Name = "Programmets träffar" })).ToHaveAttributeAsync("href", "/processledare/traffar");
        await facilitator.AssertAccessibleAsync("start-facilitator-before-assignment");

        // The administrator: the programme is a draft, and the to-do list leads to publishing it.
        var page = await browser.NewPageAsync(suite.Address);
        await page.SignInAsync(EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        await Assertions.Expect(page.GetByTestId("start-programmes")).ToContainTextAsync("Planen är ett utkast");
        var meetings = page.GetByTestId("start-meetings").Locator("tbody tr");
        await Assertions.Expect(meetings).ToHaveCountAsync(6);
        var publish = page.GetByTestId("start-to-do").GetByRole(AriaRole.Link, new() { Name = "Planen är inte publicerad: publicera den så går inbjudningarna ut" });
        await Assertions.Expect(publish).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("start-administrator-draft");

        await publish.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Programöversikt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera planen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("6 träffar publicerades");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publicera planen" })).ToHaveCountAsync(0);

        // Back on the start page: published, nothing left to publish, every meeting waiting for answers.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Välkommen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("start-programmes")).ToContainTextAsync("Planen är publicerad");
        await Assertions.Expect(publish).ToHaveCountAsync(0);
        await Assertions.Expect(meetings).ToHaveCountAsync(6);
        // The politicians' invitations follow their teams, which reach the Meetings service through events.
        await page.ReloadUntilVisibleAsync(meetings.Locator("td:nth-of-type(5)", new() { HasTextRegex = new Regex("inte svarat") }), TimeSpan.FromSeconds(90));
        for (var i = 0; i < 6; i++)
        {
            await Assertions.Expect(meetings.Nth(i).Locator("td").Nth(3)).ToHaveTextAsync(new Regex(@"^0 ja, 0 nej, [1-9]\d* inte svarat$"));
            await Assertions.Expect(meetings.Nth(i).Locator("td").Nth(4)).ToHaveTextAsync(new Regex(@"^0 ja, 0 nej, [1-9]\d* inte svarat$"));
        }

        await page.AssertAccessibleAsync("start-administrator-published");
    }
}
