using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace KollegialtUtbyte.Portal.Authentication;

/// <summary>
/// One renewal per refresh token at a time. Page requests of one session that arrive together inside
/// the renewal minute (two tabs, a page and a download) share the first one's answer instead of each
/// redeeming the token: the second redemption would count as reuse and revoke the whole session.
/// Nothing is kept once a renewal has answered, so a replayed old cookie is still refused.
/// </summary>
internal sealed class SessionRenewals
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(TokenResponse? Tokens, TokenError? Error)>>> _inFlight = new(StringComparer.Ordinal);

    public async Task<(TokenResponse? Tokens, TokenError? Error)> RenewAsync(
        string refreshToken, Func<Task<(TokenResponse? Tokens, TokenError? Error)>> renew)
    {
        // Keyed by a hash: the token itself stays out of long-lived memory.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        var renewal = _inFlight.GetOrAdd(key, _ => new Lazy<Task<(TokenResponse?, TokenError?)>>(renew));
        try
        {
            return await renewal.Value;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<(TokenResponse?, TokenError?)>>>(key, renewal));
        }
    }
}
