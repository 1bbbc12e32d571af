using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Identity.Tests;

/// <summary>
/// A token's life as another service sees it: validated through discovery and JWKS over HTTP,
/// refused once expired, renewed by a refresh, and still valid across a rotation of the signing key.
/// </summary>
public sealed class TokenLifecycleTests
{
    private const string Issuer = "https://identity.kollegialt-utbyte.test";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_expired_access_token_is_refused_by_the_service_and_a_refresh_gives_one_that_works()
    {
        // Identity's clock runs behind: its tokens expired a minute ago by the service's clock.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(11));
        await using var other = await TestTokenIssuer.StartAsync();
        await using var identity = IdentityHost.OnKestrel(other, time: clock);
        await using var service = await ProtectedService.StartAsync(identity.BaseUrl!);
        var session = await identity.SignInAsync(IdentityHost.AdministratorEmail, IdentityHost.AdministratorPassword);

        var expired = await service.GetAsync("/whoami", session.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("invalid_token", expired.Headers.WwwAuthenticate.ToString());

        clock.SetUtcNow(DateTimeOffset.UtcNow);
        var refreshed = await identity.RefreshAsync(session.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = TokenSet.From(await refreshed.Content.ReadFromJsonAsync<JsonElement>(Cancel));
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/whoami", renewed.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/administration", renewed.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_family_while_issued_access_tokens_run_out()
    {
        await using var other = await TestTokenIssuer.StartAsync();
        await using var identity = IdentityHost.OnKestrel(other);
        await using var service = await ProtectedService.StartAsync(identity.BaseUrl!);
        var first = await identity.SignInAsync(IdentityHost.AdministratorEmail, IdentityHost.AdministratorPassword);
        var second = TokenSet.From(await (await identity.RefreshAsync(first.RefreshToken!)).Content.ReadFromJsonAsync<JsonElement>(Cancel));
        var third = TokenSet.From(await (await identity.RefreshAsync(second.RefreshToken!)).Content.ReadFromJsonAsync<JsonElement>(Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, (await identity.RefreshAsync(first.RefreshToken!)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await identity.RefreshAsync(third.RefreshToken!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/whoami", third.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task After_a_key_rotation_new_tokens_use_the_new_key_and_old_tokens_validate_while_the_old_key_is_published()
    {
        var keys = TestKeys.NewDirectory();
        var oldKey = TestKeys.WritePrivateKey(keys, "2021");
        var newKey = TestKeys.WritePrivateKey(keys, "2022");
        await using var other = await TestTokenIssuer.StartAsync();

        // Before: the old key signs.
        string oldToken;
        await using (var before = IdentityHost.OnKestrel(other, s => Configure(s, (oldKey, true))))
        {
            oldToken = (await before.SignInAsync(IdentityHost.AdministratorEmail, IdentityHost.AdministratorPassword)).AccessToken;
        }

        // During: the new key signs; the old one is still published, by its public half only.
        await using var during = IdentityHost.OnKestrel(other, s => Configure(s, (TestKeys.WritePublicKey(oldKey, keys, "2021-public"), false), (newKey, true)));
        var newToken = (await during.SignInAsync(IdentityHost.AdministratorEmail, IdentityHost.AdministratorPassword)).AccessToken;
        Assert.NotEqual(Jwt.Read(oldToken).Kid, Jwt.Read(newToken).Kid);
        var jwks = await during.NewClient().GetFromJsonAsync<JsonElement>("/.well-known/jwks", Cancel);
        Assert.Equal(2, jwks.GetProperty("keys").GetArrayLength());

        await using var serviceDuring = await ProtectedService.StartAsync(Issuer, during.BaseUrl + "/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, (await serviceDuring.GetAsync("/whoami", oldToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await serviceDuring.GetAsync("/whoami", newToken)).StatusCode);

        // After: the old key is no longer published, so what it signed is no longer accepted.
        await using var after = IdentityHost.OnKestrel(other, s => Configure(s, (newKey, true)));
        await using var serviceAfter = await ProtectedService.StartAsync(Issuer, after.BaseUrl + "/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.Unauthorized, (await serviceAfter.GetAsync("/whoami", oldToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await serviceAfter.GetAsync("/whoami", newToken)).StatusCode);
    }

    private static void Configure(Dictionary<string, string?> settings, params (string Path, bool Active)[] keys)
    {
        settings["Identity:Issuer"] = Issuer;
        settings["Auth:Authority"] = Issuer;
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Identity:SigningKeys:{i}:Path"] = keys[i].Path;
            settings[$"Identity:SigningKeys:{i}:Active"] = keys[i].Active.ToString();
        }
    }
}
