using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KollegialtUtbyte.Gateway.Security;

/// <summary>
/// Checks bearer tokens as <see cref="JsonWebTokenHandler"/> does, and remembers a valid one
/// briefly so that a caller's next requests skip the signature check: keyed by the token's
/// SHA-256 (the token itself is never kept as a key), never past the token's expiry, and bounded
/// in number. The services behind the gateway check every token again in full.
/// </summary>
internal sealed class RememberingTokenHandler(TimeProvider time, TimeSpan lifetime, int capacity) : JsonWebTokenHandler
{
    private readonly ConcurrentDictionary<string, Remembered> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await base.ValidateTokenAsync(token, validationParameters);
        }

        var key = Hash(token);
        var now = time.GetUtcNow();
        if (_valid.TryGetValue(key, out var remembered))
        {
            if (remembered.Until > now)
            {
                // A copy: the caller's principal may be changed by whatever runs after authentication.
                return new TokenValidationResult
                {
                    IsValid = true,
                    ClaimsIdentity = remembered.Identity.Clone(),
                    SecurityToken = remembered.Token,
                };
            }

            _valid.TryRemove(key, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            var until = now + lifetime < expires ? now + lifetime : expires;
            MakeRoom(now);
            _valid[key] = new Remembered(result.ClaimsIdentity.Clone(), validated, until);
        }

        return result;
    }

    /// <summary>Drops what has expired; if that is not enough, forgets everything (the next requests validate again).</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        if (_valid.Count < capacity)
        {
            return;
        }

        foreach (var (key, remembered) in _valid)
        {
            if (remembered.Until <= now)
            {
                _valid.TryRemove(key, out _);
            }
        }

        if (_valid.Count >= capacity)
        {
            _valid.Clear();
        }
    }

    private static string Hash(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Remembered(System.Security.Claims.ClaimsIdentity Identity, SecurityToken Token, DateTimeOffset Until);
}
