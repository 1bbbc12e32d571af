using System.Net;

namespace KollegialtUtbyte.Portal.Tests.Security;

/// <summary>
/// The portal's sign-in cookie behind the gateway and across replicas: Secure as soon as the
/// trusted proxy reports https, readable by every replica sharing the key ring, and no Production
/// start without a shared, encrypted key ring.
/// </summary>
public sealed class KeyRingAndCookieTests : IAsyncLifetime
{
    private IdentityStandIn _identity = null!;
    private DirectoryInfo _directory = null!;

    public async ValueTask InitializeAsync()
    {
        _identity = await IdentityStandIn.StartAsync();
        _directory = Directory.CreateTempSubdirectory("ku-portal-keys-");
    }

    public async ValueTask DisposeAsync()
    {
        await _identity.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_cookie_issued_by_one_replica_is_accepted_by_another_sharing_the_key_ring()
    {
        var settings = ProductionKeyRing();
        await using var first = PortalInstance.Start(_identity, "Production", settings);
        await using var second = PortalInstance.Start(_identity, "Production", settings);
        using var atFirst = first.Client();

        using var signedIn = await atFirst.SignInAsync(_identity.User.Email, IdentityStandIn.Password);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);

        using var atSecond = second.Client();
        foreach (var (name, value) in atFirst.Cookies)
        {
            atSecond.Cookies[name] = value;
        }

        Assert.True(await atSecond.IsSignedInAsync(), "the second replica did not accept the first one's cookie");

        // The keys are at rest encrypted with the certificate, not as plain XML.
        var keys = _directory.GetDirectories("keys").Single().GetFiles("key-*.xml");
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains("EncryptedData", File.ReadAllText(key.FullName), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replica_with_another_key_ring_does_not_accept_the_cookie()
    {
        await using var first = PortalInstance.Start(_identity, "Production", ProductionKeyRing());
        await using var other = PortalInstance.Start(_identity, "Production", ProductionKeyRing("other-keys"));
        using var atFirst = first.Client();
        using var signedIn = await atFirst.SignInAsync(_identity.User.Email, IdentityStandIn.Password);

        using var atOther = other.Client();
        foreach (var (name, value) in atFirst.Cookies)
        {
            atOther.Cookies[name] = value;
        }

        Assert.False(await atOther.IsSignedInAsync());
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_reporting_https_the_sign_in_cookie_is_Secure_HttpOnly_and_Lax()
    {
        // Development keeps the cookie as the request is, so what makes it Secure here is the proxy's word.
        await using var portal = PortalInstance.Start(_identity, "Development", new Dictionary<string, string?>
        {
            ["Portal:TrustedProxies:0"] = "127.0.0.0/8",
        });
        using var viaGateway = portal.Client(r =>
        {
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-For", "198.51.100.7");
            r.Headers.Add("X-Forwarded-Host", "kollegialt-utbyte.example");
        });

        using var response = await viaGateway.SignInAsync(_identity.User.Email, IdentityStandIn.Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var cookie = Assert.Single(viaGateway.SetCookiesNamed("ku.portal="));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_proxy_that_is_not_trusted_cannot_claim_https()
    {
        await using var portal = PortalInstance.Start(_identity, "Development", new Dictionary<string, string?>
        {
            ["Portal:TrustedProxies:0"] = "192.0.2.0/24",
        });
        using var pretender = portal.Client(r => r.Headers.Add("X-Forwarded-Proto", "https"));

        using var response = await pretender.SignInAsync(_identity.User.Email, IdentityStandIn.Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.DoesNotContain("; secure", Assert.Single(pretender.SetCookiesNamed("ku.portal=")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Outside_Development_the_sign_in_cookie_is_always_Secure()
    {
        await using var portal = PortalInstance.Start(_identity, "Testing");
        using var client = portal.Client();

        using var response = await client.SignInAsync(_identity.User.Email, IdentityStandIn.Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("; secure", Assert.Single(client.SetCookiesNamed("ku.portal=")), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("keys", null)]
    [InlineData(null, "certificate")]
    public void Production_does_not_start_without_a_shared_key_ring_encrypted_at_rest(string? keys, string? certificate)
    {
        var settings = ProductionKeyRing();
        settings["DataProtection:KeysPath"] = keys is null ? null : settings["DataProtection:KeysPath"];
        settings["DataProtection:Certificate:Path"] = certificate is null ? null : settings["DataProtection:Certificate:Path"];

        var refused = Assert.ThrowsAny<Exception>(() => PortalInstance.Start(_identity, "Production", settings));

        var message = string.Join('\n', Flatten(refused).Select(e => e.Message));
        Assert.Contains("DataProtection:KeysPath", message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:Certificate:Path", message, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> ProductionKeyRing(string keys = "keys")
    {
        var certificatePath = Path.Combine(_directory.FullName, "data-protection.pem");
        if (!File.Exists(certificatePath))
        {
            TestCertificate.PemFile(certificatePath);
        }

        return new Dictionary<string, string?>
        {
            ["DataProtection:KeysPath"] = Path.Combine(_directory.FullName, keys),
            ["DataProtection:Certificate:Path"] = certificatePath,
        };
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
