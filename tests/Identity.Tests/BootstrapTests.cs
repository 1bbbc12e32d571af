namespace KollegialtUtbyte.Identity.Tests;

/// <summary>The first administrator from configuration, and the demo password of the embedded demo.</summary>
public sealed class BootstrapTests : IAsyncLifetime
{
    private TestTokenIssuer _issuer = null!;

    public async ValueTask InitializeAsync() => _issuer = await TestTokenIssuer.StartAsync();

    public async ValueTask DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task The_configured_administrator_can_sign_in_and_a_restart_creates_no_second_account()
    {
        var database = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("ku-identity-db-").FullName, "identity.db")}";

        for (var start = 0; start < 2; start++)
        {
            await using var host = IdentityHost.InProcess(_issuer, s => s["ConnectionStrings:identity"] = database);
            var token = Jwt.Read((await host.SignInAsync(IdentityHost.AdministratorEmail, IdentityHost.AdministratorPassword)).AccessToken);

            Assert.Equal(Roles.Administrator, token.GetClaim(ClaimNames.Role).Value);
            Assert.Equal(1, await host.WithDbAsync(db => db.Users.CountAsync(TestContext.Current.CancellationToken)));
        }
    }

    [Fact]
    public async Task Without_a_configured_password_the_administrator_activates_the_account_from_a_mailed_link()
    {
        await using var host = IdentityHost.InProcess(_issuer, s => s["Identity:Administrator:Password"] = null);

        var activation = await host.PublishedAsync<AccountActivationRequested>(a => a.Email == IdentityHost.AdministratorEmail);
        var provisioned = await host.PublishedAsync<AccountProvisioned>(a => a.Email == IdentityHost.AdministratorEmail);

        Assert.Equal([Roles.Administrator], provisioned.Roles);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.TrySignInAsync(IdentityHost.AdministratorEmail, IdentityHost.AdministratorPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ActivateAsync(activation.Token, IdentityHost.Password)).StatusCode);
        await host.SignInAsync(IdentityHost.AdministratorEmail, IdentityHost.Password);
    }

    [Fact]
    public async Task A_configured_password_that_breaks_the_password_rules_stops_the_start()
    {
        await using var host = IdentityHost.InProcess(_issuer, s => s["Identity:Administrator:Password"] = "kort");

        Assert.Contains("Identity:Administrator:Password", Startup.FailureOf(host));
    }

    [Fact]
    public async Task The_demo_password_activates_provisioned_accounts_in_Development_and_nowhere_else()
    {
        const string demoPassword = "demo-losenord-for-test";
        await using var development = IdentityHost.InProcess(_issuer, s => s["Identity:DemoPassword"] = demoPassword, environment: "Development");
        await using var testing = IdentityHost.InProcess(_issuer, s => s["Identity:DemoPassword"] = demoPassword);

        var personId = Guid.NewGuid();
        var joined = new TeamMemberJoined(Guid.NewGuid(), Guid.NewGuid(), "Region Sörmland", personId, TeamRole.KeyOfficial,
            "Anna Svensson", $"anna.{personId:N}@sormland.example", null, "sv", null, DateTimeOffset.UtcNow);
        await development.PublishAsync(joined);
        await development.PublishedAsync<AccountProvisioned>(p => p.PersonId == personId);
        await development.SignInAsync(joined.Email, demoPassword);
        Assert.DoesNotContain(development.Published<AccountActivationRequested>(), a => a.PersonId == personId);

        var (elsewhere, _) = await testing.AddTeamMemberAsync(TeamRole.KeyOfficial);
        Assert.Equal(HttpStatusCode.BadRequest, (await testing.TrySignInAsync(elsewhere.Email, demoPassword)).StatusCode);
    }
}
