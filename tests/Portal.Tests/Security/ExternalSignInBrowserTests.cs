using KollegialtUtbyte.Identity.Data;
using KollegialtUtbyte.Portal.Tests.Team;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Portal.Tests.Security;

/// <summary>
/// The whole suite with Region Värmland's own OpenID Connect provider configured for its e-mail
/// domain: the provider (a second OpenIddict server) starts first, told the suite's callback at
/// the gateway's address, and the suite is told the provider.
/// </summary>
public sealed class OrganisationSuite : IAsyncLifetime
{
    public const string Domain = "regionvarmland.example";
    public const string DisplayName = "Region Värmland";

    public EmbeddedSuite Suite { get; private set; } = null!;

    public OrganisationProvider Provider { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var port = LoopbackPorts.Reserve();
        Provider = await OrganisationProvider.StartAsync($"http://127.0.0.1:{port}/account/external/callback");
        Provider.DisplayName = DisplayName;
        Provider.AsksToSignIn = true;
        Suite = new EmbeddedSuite(port, new Dictionary<string, string?>
        {
            ["Identity:ExternalProviders:0:Name"] = "region-varmland",
            ["Identity:ExternalProviders:0:DisplayName"] = DisplayName,
            ["Identity:ExternalProviders:0:Authority"] = Provider.Issuer,
            ["Identity:ExternalProviders:0:ClientId"] = OrganisationProvider.ClientId,
            ["Identity:ExternalProviders:0:ClientSecret"] = OrganisationProvider.ClientSecret,
            ["Identity:ExternalProviders:0:Domains:0"] = Domain,
        });
        await Suite.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Suite is not null)
        {
            await Suite.DisposeAsync();
        }

        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }

    public async Task<T> WithIdentityDbAsync<T>(Func<IdentityDb, Task<T>> query)
    {
        await using var scope = Suite.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdentityDb>());
    }
}

/// <summary>
/// "Logga in med din organisations konto" in a real browser, through the gateway: the person's
/// address sends her to her organisation's provider, she signs in there and lands in her own
/// account in the portal; an identity the organisation vouches for but the suite does not know is
/// refused with a page that says so, and nothing is created.
/// </summary>
public sealed class ExternalSignInBrowserTests(OrganisationSuite organisation, Browser browser) : IClassFixture<OrganisationSuite>, IClassFixture<Browser>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_politician_signs_in_with_her_organisations_account_and_lands_in_her_own_account()
    {
        var subject = Guid.NewGuid().ToString("N");
        organisation.Provider.SignedIn = new OrganisationPerson(subject, TeamSteps.VarmlandPolitician, EmailVerified: true);
        var page = await browser.NewPageAsync(organisation.Suite.Address);

        await GoToOrganisationAsync(page, TeamSteps.VarmlandPolitician);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();

        // Back in the portal, signed in as herself, with a politician's start page and nothing of an administrator's.
        await Assertions.Expect(page.GetByText("Inloggad som Annika Fröberg")).ToBeVisibleAsync();
        Assert.Equal(organisation.Suite.Address.Authority, new Uri(page.Url).Authority);
        await Assertions.Expect(page.GetByTestId("start-politician")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Program", Exact = true })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync("start-signed-in-with-organisation");

        // The identity is linked to her account, the one with her confirmed address.
        var linkedTo = await organisation.WithIdentityDbAsync(db => db.UserLogins
            .Where(l => l.LoginProvider == organisation.Provider.Issuer && l.ProviderKey == subject)
            .Join(db.Users, l => l.UserId, a => a.Id, (_, a) => a.Email)
            .ToListAsync(Cancel));
        Assert.Equal([TeamSteps.VarmlandPolitician], linkedTo);
    }

    [Fact]
    public async Task An_identity_the_suite_does_not_know_is_refused_with_a_page_that_says_so_and_nothing_is_created()
    {
        const string unknown = "okand.person@" + OrganisationSuite.Domain;
        var subject = Guid.NewGuid().ToString("N");
        var accountsBefore = await organisation.WithIdentityDbAsync(db => db.Users.CountAsync(Cancel));
        organisation.Provider.SignedIn = new OrganisationPerson(subject, unknown, EmailVerified: true);
        var page = await browser.NewPageAsync(organisation.Suite.Address);

        await GoToOrganisationAsync(page, unknown);
        var refusal = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync(),
            r => r.Url.Contains("/account/external/callback", StringComparison.Ordinal));

        Assert.Equal(403, refusal.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(
            "Det finns inget konto för dig här. Inget konto har skapats. Be den som samordnar utbytet i din region om ett konto.");
        await page.AssertAccessibleAsync("sign-in-organisation-unknown");

        Assert.Equal(accountsBefore, await organisation.WithIdentityDbAsync(db => db.Users.CountAsync(Cancel)));
        Assert.False(await organisation.WithIdentityDbAsync(db => db.UserLogins.AnyAsync(l => l.ProviderKey == subject, Cancel)));
        Assert.False(await organisation.WithIdentityDbAsync(db => db.Users.AnyAsync(a => a.Email == unknown, Cancel)));

        // Nor is anyone signed in to the portal.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Inloggad som")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_administrator_sees_a_persons_link_to_her_organisation_and_removes_it_after_confirming()
    {
        const string official = "erik.holmgren@regionvarmland.example";
        var subject = Guid.NewGuid().ToString("N");
        organisation.Provider.SignedIn = new OrganisationPerson(subject, official, EmailVerified: true);
        var person = await browser.NewPageAsync(organisation.Suite.Address);
        await GoToOrganisationAsync(person, official);
        await person.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await Assertions.Expect(person.GetByText("Inloggad som Erik Holmgren")).ToBeVisibleAsync();

        // The administrator finds the account and sees the link.
        var page = await browser.NewPageAsync(organisation.Suite.Address);
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(EmbeddedSuite.AdministratorEmail);
        await page.GetByLabel("Lösenord").FillAsync(EmbeddedSuite.AdministratorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Konton", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Konton", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Namn eller e-postadress").FillAsync("Erik Holm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Erik Holmgren" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = subject });
        await Assertions.Expect(row).ToContainTextAsync(OrganisationSuite.DisplayName);
        await page.AssertAccessibleAsync("account-external-logins");

        // Removing asks first; the link stays until the question is answered.
        await row.GetByRole(AriaRole.Link, new() { Name = "Ta bort kopplingen till Region Värmland" }).ClickAsync();
        var confirm = page.GetByTestId("confirm-remove");
        await Assertions.Expect(confirm.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Ta bort kopplingen till Region Värmland?");
        await Assertions.Expect(confirm).ToContainTextAsync(subject);
        await page.AssertAccessibleAsync("account-external-logins-confirm");
        Assert.True(await LinkedAsync(subject));

        // A post without the form's antiforgery token removes nothing.
        var fields = page.APIRequest.CreateFormData();
        fields.Set("_handler", "remove-external-login");
        fields.Set("issuer", organisation.Provider.Issuer);
        fields.Set("subject", subject);
        var forged = await page.APIRequest.PostAsync(page.Url, new() { Form = fields, MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
        Assert.True(await LinkedAsync(subject));

        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ja, ta bort kopplingen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Kopplingen är borttagen.");
        await Assertions.Expect(page.GetByText("Kontot är inte kopplat till något organisationskonto.")).ToBeVisibleAsync();
        Assert.False(await LinkedAsync(subject));

        // The same page in English.
        await page.GetByRole(AriaRole.Button, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Linked organisation accounts", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("The account is not linked to any organisation account.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("account-external-logins-english");
    }

    private Task<bool> LinkedAsync(string subject) =>
        organisation.WithIdentityDbAsync(db => db.UserLogins.AnyAsync(l => l.LoginProvider == organisation.Provider.Issuer && l.ProviderKey == subject, Cancel));

    /// <summary>From the portal's sign-in to the identity service's page, the address, the organisation's button, and on to the organisation's own page.</summary>
    private async Task GoToOrganisationAsync(IPage page, string email)
    {
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in med din organisations konto" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = OrganisationSuite.DisplayName, Level = 1 })).ToBeVisibleAsync();
        Assert.StartsWith(organisation.Provider.Issuer + "connect/authorize?", page.Url, StringComparison.Ordinal);
    }
}
