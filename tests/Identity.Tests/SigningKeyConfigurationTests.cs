using System.Security.Cryptography;
using KollegialtUtbyte.Identity.Application.OpenId;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>Signing keys come from configuration; only Development makes one up, and keeps it.</summary>
public sealed class SigningKeyConfigurationTests : IAsyncLifetime
{
    private TestTokenIssuer _issuer = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _issuer = await TestTokenIssuer.StartAsync();

    public async ValueTask DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task Outside_Development_the_service_does_not_start_without_a_configured_key()
    {
        await using var host = IdentityHost.InProcess(_issuer, s => s["Identity:SigningKeys:0:Path"] = null);

        Assert.Contains("Identity:SigningKeys", Startup.FailureOf(host));
    }

    [Fact]
    public async Task A_key_ring_that_cannot_sign_properly_stops_the_start_and_says_why()
    {
        var directory = TestKeys.NewDirectory();
        var first = TestKeys.WritePrivateKey(directory, "first");
        var second = TestKeys.WritePrivateKey(directory, "second");
        var weak = Path.Combine(directory, "weak.pem");
        using (var rsa = RSA.Create(1024))
        {
            File.WriteAllText(weak, rsa.ExportPkcs8PrivateKeyPem());
        }

        var cases = new (Action<Dictionary<string, string?>> Configure, string Reason)[]
        {
            (s => Keys(s, (first, true), (second, true)), "more than one key Active"),
            (s => Keys(s, (first, false), (second, false)), "mark the one that signs"),
            (s => Keys(s, (TestKeys.WritePublicKey(first, directory, "public"), true)), "needs its private key"),
            (s => Keys(s, (Path.Combine(directory, "missing.pem"), true)), "does not exist"),
            (s => Keys(s, (weak, true)), "at least 2048"),
        };

        foreach (var (configure, reason) in cases)
        {
            await using var host = IdentityHost.InProcess(_issuer, configure);
            Assert.Contains(reason, Startup.FailureOf(host));
        }
    }

    [Fact]
    public async Task In_Development_a_key_is_generated_once_and_kept_in_the_data_directory()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ku-identity-data-").FullName;

        var first = await PublishedKeyIdAsync(dataDirectory);
        var second = await PublishedKeyIdAsync(dataDirectory);

        Assert.True(File.Exists(Path.Combine(dataDirectory, SigningKeyRing.DevelopmentKeyFile)));
        Assert.Equal(first, second);
    }

    private async Task<string> PublishedKeyIdAsync(string dataDirectory)
    {
        await using var host = IdentityHost.InProcess(_issuer, s =>
        {
            s["Identity:SigningKeys:0:Path"] = null;
            s["Database:DataDirectory"] = dataDirectory;
        }, environment: "Development");
        using var client = host.NewClient();
        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks", Cancel);
        return Assert.Single(jwks.GetProperty("keys").EnumerateArray()).GetProperty("kid").GetString()!;
    }

    private static void Keys(Dictionary<string, string?> settings, params (string Path, bool Active)[] keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Identity:SigningKeys:{i}:Path"] = keys[i].Path;
            settings[$"Identity:SigningKeys:{i}:Active"] = keys[i].Active.ToString();
        }
    }
}
