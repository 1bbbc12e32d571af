using KollegialtUtbyte.Portal.Tests.Team;

namespace KollegialtUtbyte.Portal.Tests.About;

/// <summary>
/// A politician asks on "Mina uppgifter" for her data to be erased; an administrator grants it on
/// the erasure page and follows every service's part until it is done; afterwards she cannot sign
/// in and the directory shows her as "Borttagen person", on the embedded suite.
/// </summary>
public sealed class ErasureTests(EmbeddedSuite suite, Browser browser) : IClassFixture<EmbeddedSuite>, IClassFixture<Browser>
{
    private const string PersonId = "bf9654fa-9a33-5816-addd-f417eb2ab170";
    private const string Name = "Lars-Göran Nyberg";

    [Fact]
    public async Task A_politician_asks_for_erasure_and_an_administrator_grants_it()
    {
        var politician = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(politician, TeamSteps.SormlandPolitician);
        await politician.GotoAsync("/mina-uppgifter");
        var erasure = politician.GetByTestId("erasure");
        await erasure.GetByLabel("Varför vill du att uppgifterna raderas? (frivilligt)").FillAsync("Jag har lämnat uppdraget.");
        await erasure.GetByTestId("request-erasure").ClickAsync();
        await Assertions.Expect(politician.GetByRole(AriaRole.Status)).ToContainTextAsync("Din begäran om radering är skickad");
        await Assertions.Expect(erasure.GetByTestId("erasure-state")).ToContainTextAsync("Väntar på en administratörs beslut.");
        // One open request at a time: the form is gone until it is decided.
        await Assertions.Expect(erasure.GetByTestId("request-erasure")).ToHaveCountAsync(0);
        await politician.AssertAccessibleAsync("my-data-erasure-requested");

        var administrator = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(administrator, EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        await administrator.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Radering" }).ClickAsync();
        await Assertions.Expect(administrator.Locator("h1")).ToHaveTextAsync("Radering av personuppgifter");
        var request = administrator.GetByTestId("erasure-request").Filter(new() { HasText = Name });
        await Assertions.Expect(request).ToContainTextAsync("av personen själv");
        await Assertions.Expect(request).ToContainTextAsync("Jag har lämnat uppdraget.");
        await administrator.AssertAccessibleAsync("erasure-requests");

        await request.GetByTestId("approve-erasure").ClickAsync();
        await Assertions.Expect(administrator.GetByRole(AriaRole.Status)).ToContainTextAsync("Beslutet är registrerat.");
        await Eventually.UntilAsync(
            async () =>
            {
                await administrator.GotoAsync("/admin/radering?tillstand=Complete");
                return await administrator.GetByTestId("erasure-request").CountAsync();
            },
            count => count == 1,
            "every service erased the politician",
            TimeSpan.FromSeconds(60));
        var done = administrator.GetByTestId("erasure-request");
        await Assertions.Expect(done.Locator("h2")).ToHaveTextAsync("Borttagen person");
        await Assertions.Expect(done.GetByText("väntar")).ToHaveCountAsync(0);
        await administrator.AssertAccessibleAsync("erasure-complete");

        // Her account is gone: signing in is refused as for an address nobody has.
        Assert.Null(await suite.TokenAsync(TeamSteps.SormlandPolitician, EmbeddedSuite.DemoPassword));

        using var api = await TeamSteps.ApiAsync(suite, EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var person = await api.GetFromJsonAsync<JsonElement>($"/api/regions/people/{PersonId}", TestContext.Current.CancellationToken);
        Assert.Equal("Borttagen person", person.GetProperty("name").GetString());
        var people = await api.GetStringAsync("/api/regions/people?pageSize=100", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Name, people, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamSteps.SormlandPolitician, people, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("070-174 06 10", people, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_gets_a_persons_copy_from_her_account_page_and_declines_an_erasure_with_a_reason()
    {
        var administrator = await browser.NewPageAsync(suite.Address);
        await TeamSteps.SignInAsync(administrator, EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);

        // From the account search to the person's page.
        await Eventually.UntilAsync(
            async () =>
            {
                await administrator.GotoAsync("/admin/konton?sok=helena.bergkvist");
                return await administrator.GetByRole(AriaRole.Link, new() { Name = "Helena Bergkvist" }).CountAsync();
            },
            count => count == 1,
            "her account reached Identity",
            TimeSpan.FromSeconds(60));
        await administrator.GetByRole(AriaRole.Link, new() { Name = "Helena Bergkvist" }).ClickAsync();
        await administrator.GetByTestId("personal-data").ClickAsync();
        await Assertions.Expect(administrator.Locator("h1")).ToHaveTextAsync("Personuppgifter: Helena Bergkvist");
        await administrator.AssertAccessibleAsync("person-data");

        await administrator.GetByRole(AriaRole.Button, new() { Name = "Begär ett registerutdrag för personen" }).ClickAsync();
        await Assertions.Expect(administrator.GetByRole(AriaRole.Status)).ToContainTextAsync("Din begäran är skickad");
        await Eventually.UntilAsync(
            async () =>
            {
                await administrator.GotoAsync($"/admin/personuppgifter/{HelenaId}");
                return await administrator.GetByTestId("export-state").First.InnerTextAsync();
            },
            state => state.StartsWith("Klar", StringComparison.Ordinal),
            "every service answered the export",
            TimeSpan.FromSeconds(60));
        await Assertions.Expect(administrator.GetByTestId("download-export")).ToBeVisibleAsync();

        // An erasure the administrator asks for is decided like the person's own: here declined, with the reason.
        await administrator.GetByLabel("Skäl till radering (frivilligt)").FillAsync("Ett önskemål via registrator.");
        await administrator.GetByTestId("request-erasure").ClickAsync();
        await Assertions.Expect(administrator.GetByRole(AriaRole.Status)).ToContainTextAsync("Din begäran om radering är skickad");
        await administrator.GetByRole(AriaRole.Link, new() { Name = "Pröva begäranden om radering" }).ClickAsync();
        var request = administrator.GetByTestId("erasure-request").Filter(new() { HasText = "Helena Bergkvist" });
        await Assertions.Expect(request).ToContainTextAsync("av en administratör");
        await request.GetByLabel("Motivering till avslag").FillAsync("Uppgifterna behövs för pågående program.");
        await request.GetByTestId("decline-erasure").ClickAsync();
        await Assertions.Expect(administrator.GetByRole(AriaRole.Status)).ToContainTextAsync("Beslutet är registrerat.");
        await Assertions.Expect(administrator.GetByTestId("erasure-request").Filter(new() { HasText = "Helena Bergkvist" }))
            .ToContainTextAsync("Motivering: Uppgifterna behövs för pågående program.");

        // Declined, she stays as she was.
        using var api = await TeamSteps.ApiAsync(suite, EmbeddedSuite.AdministratorEmail, EmbeddedSuite.AdministratorPassword);
        var person = await api.GetFromJsonAsync<JsonElement>($"/api/regions/people/{HelenaId}", TestContext.Current.CancellationToken);
        Assert.Equal("Helena Bergkvist", person.GetProperty("name").GetString());
    }

    private const string HelenaId = "bb7681ba-5dd9-54e8-b387-93281c304b41";
}
