using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KollegialtUtbyte.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        builder.WebHost.ListenOnLoopback();
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
        issuer = app.Services.ServerAddress().ToString().TrimEnd('/');
        return new TestTokenIssuer(app, key, issuer);
    }

    /// <summary>An access token as the identity service issues one: RS256, <c>typ</c> <c>at+jwt</c>, for every API.</summary>
    public string CreateToken(TestUser user, TimeSpan? lifetime = null) => CreateToken(user, new Shape(Credentials(_key), Issuer, lifetime));

    /// <summary>A well-formed token this issuer never signed (another key, same kid shape).</summary>
    public string CreateTokenWithForeignKey(TestUser user) =>
        CreateToken(user, new Shape(Credentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = _key.KeyId }), Issuer, null));

    /// <summary>A token signed by this issuer's key but naming another issuer.</summary>
    public string CreateTokenFromOtherIssuer(TestUser user) => CreateToken(user, new Shape(Credentials(_key), "https://elsewhere.example", null));

    /// <summary>A token of this issuer for the given audiences only (none: without <c>aud</c>).</summary>
    public string CreateTokenFor(TestUser user, params string[] audiences) =>
        CreateToken(user, new Shape(Credentials(_key), Issuer, null) { Audiences = audiences });

    /// <summary>A token of this issuer with another <c>typ</c>, e.g. an ID token's <c>JWT</c>.</summary>
    public string CreateTokenOfType(TestUser user, string type) =>
        CreateToken(user, new Shape(Credentials(_key), Issuer, null) { Type = type });

    /// <summary>An OpenID Connect ID token of this issuer for <paramref name="clientId"/>, answering the <paramref name="nonce"/> of the sign-in.</summary>
    public string CreateIdToken(TestUser user, string clientId, string? nonce)
    {
        var claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = user.PersonId.ToString(),
            [ClaimNames.Name] = user.Name,
            [JwtRegisteredClaimNames.Aud] = clientId,
        };
        if (nonce is not null)
        {
            claims[JwtRegisteredClaimNames.Nonce] = nonce;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Claims = claims,
            IssuedAt = DateTime.UtcNow.AddSeconds(-5),
            NotBefore = DateTime.UtcNow.AddSeconds(-5),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = Credentials(_key),
        });
    }

    /// <summary>
    /// A token with another algorithm: <c>HS256</c> keyed with this issuer's public modulus (the
    /// classic key-confusion forgery), or <c>none</c> (unsigned).
    /// </summary>
    public string CreateTokenWithAlgorithm(TestUser user, string algorithm)
    {
        SigningCredentials? credentials = algorithm switch
        {
            SecurityAlgorithms.HmacSha256 => new SigningCredentials(
                new SymmetricSecurityKey(_key.Rsa.ExportParameters(false).Modulus!) { KeyId = _key.KeyId }, SecurityAlgorithms.HmacSha256),
            "none" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "HS256 or none."),
        };
        return CreateToken(user, new Shape(credentials, Issuer, null));
    }

    /// <summary>The APIs a person's token is for, as the identity service issues it.</summary>
    public static readonly IReadOnlyList<string> AllApis = ["identity", "regions", "meetings", "feedback", "notifications"];

    private static SigningCredentials Credentials(RsaSecurityKey key) => new(key, SecurityAlgorithms.RsaSha256);

    private sealed record Shape(SigningCredentials? Credentials, string Issuer, TimeSpan? Lifetime)
    {
        public IReadOnlyList<string> Audiences { get; init; } = AllApis;

        public string Type { get; init; } = "at+jwt";
    }

    private static string CreateToken(TestUser user, Shape shape)
    {
        var claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = user.PersonId.ToString(),
            [ClaimNames.Person] = user.PersonId.ToString(),
            [ClaimNames.Name] = user.Name,
            [ClaimNames.Email] = user.Email,
            [ClaimNames.Role] = user.Roles.ToArray(),
        };
        if (user.AllRegionIds.Count > 0)
        {
            claims[ClaimNames.Region] = user.AllRegionIds.Select(r => r.ToString()).ToArray();
        }

        if (shape.Audiences.Count > 0)
        {
            claims[JwtRegisteredClaimNames.Aud] = shape.Audiences.ToArray();
        }

        // A negative lifetime gives a token that expired that long ago.
        var expires = DateTime.UtcNow + (shape.Lifetime ?? TimeSpan.FromMinutes(30));
        var issuedAt = new[] { DateTime.UtcNow.AddSeconds(-5), expires.AddMinutes(-5) }.Min();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = shape.Issuer,
            Claims = claims,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            TokenType = shape.Type,
            SigningCredentials = shape.Credentials,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
