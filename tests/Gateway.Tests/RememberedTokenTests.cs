using System.Security.Cryptography;
using KollegialtUtbyte.Gateway.Security;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>
/// The gateway remembers a valid token briefly instead of checking its signature on every request:
/// only a valid one, for the configured time at most, never past the token's expiry, and only so many.
/// </summary>
public sealed class RememberedTokenTests
{
    private const string Issuer = "https://identity.example";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "signing" };
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_valid_token_is_remembered_until_its_time_is_up()
    {
        var handler = new RememberingTokenHandler(_clock, Lifetime, capacity: 100);
        var token = Token(TimeSpan.FromMinutes(10));

        Assert.True((await handler.ValidateTokenAsync(token, WithKey())).IsValid);

        // Without the key a full check fails; a remembered token needs none.
        Assert.True((await handler.ValidateTokenAsync(token, WithoutKey())).IsValid);
        _clock.Advance(Lifetime);
        Assert.False((await handler.ValidateTokenAsync(token, WithoutKey())).IsValid);
    }

    [Fact]
    public async Task A_token_is_never_remembered_past_its_expiry()
    {
        var handler = new RememberingTokenHandler(_clock, Lifetime, capacity: 100);
        var token = Token(TimeSpan.FromSeconds(10));

        Assert.True((await handler.ValidateTokenAsync(token, WithKey())).IsValid);
        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.False((await handler.ValidateTokenAsync(token, WithoutKey())).IsValid);
    }

    [Fact]
    public async Task An_invalid_token_is_not_remembered_and_a_full_memory_forgets()
    {
        var handler = new RememberingTokenHandler(_clock, Lifetime, capacity: 1);
        var first = Token(TimeSpan.FromMinutes(10));
        var second = Token(TimeSpan.FromMinutes(10));

        Assert.False((await handler.ValidateTokenAsync(first, WithoutKey())).IsValid);
        Assert.True((await handler.ValidateTokenAsync(first, WithKey())).IsValid);
        Assert.True((await handler.ValidateTokenAsync(second, WithKey())).IsValid);

        Assert.False((await handler.ValidateTokenAsync(first, WithoutKey())).IsValid);
        Assert.True((await handler.ValidateTokenAsync(second, WithoutKey())).IsValid);
    }

    [Fact]
    public async Task A_remembered_token_gives_each_caller_its_own_identity()
    {
        var handler = new RememberingTokenHandler(_clock, Lifetime, capacity: 100);
        var token = Token(TimeSpan.FromMinutes(10));
        await handler.ValidateTokenAsync(token, WithKey());

        var one = await handler.ValidateTokenAsync(token, WithKey());
        var other = await handler.ValidateTokenAsync(token, WithKey());
        one.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim("added", "by one request"));

        Assert.Null(other.ClaimsIdentity.FindFirst("added"));
    }

    private string Token(TimeSpan validFor) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = "regions",
        Claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString() },
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow + validFor,
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    private TokenValidationParameters WithKey() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = "regions",
        IssuerSigningKey = _key,
        ClockSkew = TimeSpan.Zero,
    };

    private static TokenValidationParameters WithoutKey() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = "regions",
        ClockSkew = TimeSpan.Zero,
    };
}
