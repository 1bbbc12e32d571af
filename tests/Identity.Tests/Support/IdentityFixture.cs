using System.Net.Http.Headers;

namespace KollegialtUtbyte.Identity.Tests.Support;

/// <summary>
/// One in-process identity service shared by the tests of a class (each test uses its own
/// people), with a machine client configured. Administration calls carry tokens of a
/// <see cref="TestTokenIssuer"/>, which this host trusts.
/// </summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    public const string MachineClient = "rapporter";
    public const string MachineSecret = "rapporternas-hemlighet";
    public const string HashedClient = "statistik";
    public const string HashedClientSecret = "statistikens-hemlighet";

    public TestTokenIssuer Issuer { get; private set; } = null!;

    public IdentityHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        Host = IdentityHost.InProcess(Issuer, s =>
        {
            s["Identity:Clients:0:ClientId"] = MachineClient;
            s["Identity:Clients:0:Secret"] = MachineSecret;
            s["Identity:Clients:0:Roles:0"] = Contracts.Roles.Facilitator;
            s["Identity:Clients:0:Scopes:0"] = "reports";
            s["Identity:Clients:0:Scopes:1"] = "statistics";
            s["Identity:Clients:0:Audiences:0"] = "meetings";
            s["Identity:Clients:0:Audiences:1"] = "identity";
            s["Identity:Clients:1:ClientId"] = HashedClient;
            s["Identity:Clients:1:SecretSha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(HashedClientSecret)));
            s["Identity:Clients:1:Audiences:0"] = "meetings";
        });
        _ = Host.Services;
    }

    /// <summary>A client of the administration API acting as <paramref name="user"/> (anonymous when null).</summary>
    public HttpClient ApiClient(TestUser? user)
    {
        var client = Host.NewClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.CreateToken(user));
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
