using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KollegialtUtbyte.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// A minimal OpenID provider on loopback: a discovery document and a JWKS, and RS256 tokens for
/// <see cref="TestUser"/>s. Services under test validate its tokens exactly as they validate the
/// Identity service's, through discovery. Kept separate from the Identity service so that each
/// service's tests stand on their own.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private TestTokenIssuer(WebApplication app, RsaSecurityKey key, string issuer)
    {
        _app = app;
        _key = key;
        Issuer = issuer;
    }

    public string Issuer { get; }

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        string issuer = "";
        app.MapGet("/.well-known/openid-configuration", () => Results.Text(new JsonObject
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = issuer + "/.well-known/jwks",
            ["token_endpoint"] = issuer + "/connect/token",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString(), "application/json"));
        app.MapGet("/.well-known/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
            return Results.Text(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = jwk.Kid,
                    ["n"] = jwk.N,
                    ["e"] = jwk.E,
                }),
            }.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new TestTokenIssuer(app, key, issuer);
    }

    public string CreateToken(TestUser user, TimeSpan? lifetime = null) => CreateToken(user, _key, Issuer, lifetime);

    /// <summary>A well-formed token this issuer never signed (another key, same kid shape).</summary>
    public string CreateTokenWithForeignKey(TestUser user) =>
        CreateToken(user, new RsaSecurityKey(RSA.Create(2048)) { KeyId = _key.KeyId }, Issuer, null);

    /// <summary>A token signed by this issuer's key but naming another issuer.</summary>
    public string CreateTokenFromOtherIssuer(TestUser user) => CreateToken(user, _key, "https://elsewhere.example", null);

    private static string CreateToken(TestUser user, RsaSecurityKey key, string issuer, TimeSpan? lifetime)
    {
        var claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = user.PersonId.ToString(),
            [ClaimNames.Person] = user.PersonId.ToString(),
            [ClaimNames.Name] = user.Name,
            [ClaimNames.Email] = user.Email,
            [ClaimNames.Role] = user.Roles.ToArray(),
        };
        if (user.RegionId is { } region)
        {
            claims[ClaimNames.Region] = region.ToString();
        }

        // A negative lifetime gives a token that expired that long ago.
        var expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromMinutes(30));
        var issuedAt = new[] { DateTime.UtcNow.AddSeconds(-5), expires.AddMinutes(-5) }.Min();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Claims = claims,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
