using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KollegialtUtbyte.Identity.Tests.Support;

/// <summary>Reading access tokens, and forging the ones an attacker would try.</summary>
internal static class Jwt
{
    public static JsonWebToken Read(string token) => new(token);

    /// <summary>A token with the claims of <paramref name="like"/>, signed with <paramref name="key"/> and naming <paramref name="issuer"/>.</summary>
    public static string Forge(string like, SecurityKey key, string issuer)
    {
        var original = Read(like);
        var claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = original.Subject,
            [ClaimNames.Person] = original.GetClaim(ClaimNames.Person).Value,
            [ClaimNames.Role] = new[] { Roles.Administrator },
            [JwtRegisteredClaimNames.Aud] = original.Audiences.ToArray(),
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            TokenType = original.Typ,
            Claims = claims,
            IssuedAt = DateTime.UtcNow.AddSeconds(-5),
            NotBefore = DateTime.UtcNow.AddSeconds(-5),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A key nobody published, under the kid of a published one.</summary>
    public static RsaSecurityKey ForeignKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>The genuine token with its payload changed (administrator added), signature kept.</summary>
    public static string WithPayloadChanged(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload[ClaimNames.Role] = new JsonArray(Roles.Administrator);
        parts[1] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return string.Join('.', parts);
    }

    /// <summary>The genuine payload without any signature (<c>alg: none</c>).</summary>
    public static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        return $"{header}.{parts[1]}.";
    }
}
