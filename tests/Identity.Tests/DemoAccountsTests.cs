namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// In Development the sign-in page lists the demo accounts (one of each kind) and the one demo
/// password, so a newcomer can try the suite; in every other environment it never does.
/// </summary>
public sealed class DemoAccountsTests
{
    private const string DemoPassword = "demo-losenord-for-test";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_development_the_sign_in_page_lists_the_demo_accounts_with_the_demo_password_and_they_sign_in()
    {
        await using var issuer = await TestTokenIssuer.StartAsync();
        await using var host = IdentityHost.InProcess(issuer, s => s["Identity:DemoPassword"] = DemoPassword, environment: "Development");
        var leader = await JoinedAsync(host, TeamRole.ProjectLeader);

        var page = await SignInPageAsync(host);

        Assert.Contains("Demokonton (bara i utvecklingsmiljön)", page, StringComparison.Ordinal);
        Assert.Contains($"Alla demokonton har lösenordet {DemoPassword}.", page, StringComparison.Ordinal);
        Assert.Contains($"Projektledare: <code>{leader.Email}</code>", page, StringComparison.Ordinal);
        Assert.Contains($"Administratör: <code>{IdentityHost.AdministratorEmail}</code> ({IdentityHost.AdministratorPassword})", page, StringComparison.Ordinal);

        // What the page says works.
        await host.SignInAsync(leader.Email, DemoPassword);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Outside_development_the_sign_in_page_shows_no_demo_accounts_nor_any_password(string environment)
    {
        await using var issuer = await TestTokenIssuer.StartAsync();
        await using var host = IdentityHost.InProcess(issuer, s => s["Identity:DemoPassword"] = DemoPassword, environment: environment);
        var member = await JoinedAsync(host, TeamRole.ProjectLeader);

        var page = await SignInPageAsync(host);

        Assert.Contains("<form method=\"post\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Demokonton", page, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPassword, page, StringComparison.Ordinal);
        Assert.DoesNotContain(IdentityHost.AdministratorPassword, page, StringComparison.Ordinal);
        Assert.DoesNotContain(member.Email, page, StringComparison.Ordinal);
        Assert.DoesNotContain(IdentityHost.AdministratorEmail, page, StringComparison.Ordinal);
    }

    /// <summary>Regions reports a team member; Identity provisions the account (in Development with the demo password, so no activation mail).</summary>
    private static async Task<TeamMemberJoined> JoinedAsync(IdentityHost host, TeamRole role)
    {
        var personId = Guid.NewGuid();
        var joined = new TeamMemberJoined(
            Guid.NewGuid(), Guid.NewGuid(), "Region Värmland", personId, role, "Eva Lindqvist", $"eva.{personId:N}@regionvarmland.example",
            "Projektledare", "sv", null, DateTimeOffset.UtcNow);
        await host.PublishAsync(joined);
        await host.PublishedAsync<AccountProvisioned>(p => p.PersonId == personId);
        return joined;
    }

    private static async Task<string> SignInPageAsync(IdentityHost host)
    {
        using var browser = host.NewClient();
        var authorization = CodeFlowSignIn.AuthorizationUrl(CodeFlowSignIn.CommandLineClient, CodeFlowSignIn.LoopbackRedirectUri, Pkce.New().Challenge);
        var signIn = CodeFlowSignIn.Redirected(await browser.GetAsync(authorization, Cancel), "the authorization request");
        using var response = await browser.GetAsync(signIn, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }
}
