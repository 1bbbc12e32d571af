using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KollegialtUtbyte.Identity.Tokens;

/// <summary>Who an access token speaks for: an account (a person) or a machine client.</summary>
public sealed record TokenSubject(
    string Subject,
    Guid? PersonId,
    string? Name,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<Guid> RegionIds,
    string? ClientId,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Audiences);

public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt, TimeSpan Lifetime);

/// <summary>
/// Short-lived JWT access tokens (RFC 9068: <c>typ</c> <c>at+jwt</c>), RS256 with the active key's
/// <c>kid</c>, for the APIs named in <c>aud</c>. The claim names are the suite's
/// (<see cref="ClaimNames"/>), which every service reads.
/// </summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, IOptions<IdentitySettings> settings, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public IssuedAccessToken Issue(string issuer, TokenSubject subject)
    {
        var now = time.GetUtcNow();
        var lifetime = settings.Value.AccessTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = subject.Subject,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        AddIfPresent(claims, ClaimNames.Person, subject.PersonId?.ToString());
        AddIfPresent(claims, ClaimNames.Name, subject.Name);
        AddIfPresent(claims, ClaimNames.Email, subject.Email);
        if (subject.RegionIds.Count > 0)
        {
            claims[ClaimNames.Region] = subject.RegionIds.Select(r => r.ToString()).ToArray();
        }

        AddIfPresent(claims, ClaimNames.ClientId, subject.ClientId);
        // Always an array: a validator that accepts one API must see which APIs the token is for.
        claims[JwtRegisteredClaimNames.Aud] = subject.Audiences.ToArray();
        if (subject.Roles.Count > 0)
        {
            claims[ClaimNames.Role] = subject.Roles.ToArray();
        }

        if (subject.Scopes.Count > 0)
        {
            claims[ClaimNames.Scope] = string.Join(' ', subject.Scopes);
        }

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            TokenType = AuthenticationExtensions.AccessTokenType,
            SigningCredentials = keys.Active.Credentials,
        });
        return new IssuedAccessToken(token, now + lifetime, lifetime);
    }

    private static void AddIfPresent(Dictionary<string, object> claims, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims[name] = value;
        }
    }
}

/// <summary>
/// The issuer name and the suite's public address, which every URL the identity service hands
/// out starts with: <c>Identity:Issuer</c> (the gateway's public URL); without it, the address a
/// trusted proxy says the caller used (<see cref="TrustedProxyHeaders"/>); else the address the
/// request came in on.
/// </summary>
public sealed class IssuerNames(IOptions<IdentitySettings> settings, TrustedProxyHeaders proxies)
{
    public string For(HttpRequest request) =>
        settings.Value.Issuer is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : proxies.PublicBaseUrl(request) ?? BaseUrl(request);

    /// <summary>Where this instance's endpoints are reached by the caller.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
}
