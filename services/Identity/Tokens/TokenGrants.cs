using KollegialtUtbyte.Identity.Accounts;
using KollegialtUtbyte.Identity.Data;
using KollegialtUtbyte.ServiceDefaults.Security;

namespace KollegialtUtbyte.Identity.Tokens;

/// <summary>An RFC 6749 error: <c>error</c> code and a description for the developer of the client.</summary>
public sealed record OAuthError(string Error, string Description)
{
    public static OAuthError InvalidRequest(string description) => new("invalid_request", description);

    public static OAuthError InvalidClient(string description) => new("invalid_client", description);

    public static OAuthError InvalidGrant(string description) => new("invalid_grant", description);

    public static OAuthError InvalidScope(string description) => new("invalid_scope", description);

    public static OAuthError UnsupportedGrantType(string description) => new("unsupported_grant_type", description);
}

public sealed record TokenResponse(string AccessToken, int ExpiresIn, string? RefreshToken, string? Scope);

public sealed record GrantResult(TokenResponse? Response, OAuthError? Error)
{
    public static implicit operator GrantResult(OAuthError error) => new(null, error);

    public static implicit operator GrantResult(TokenResponse response) => new(response, null);
}

/// <summary>The grants of <c>/connect/token</c>: password, refresh token, client credentials.</summary>
public sealed class TokenGrants(Passwords passwords, RefreshTokenService refreshTokens, AccessTokenIssuer accessTokens, IdentityDb db)
{
    public static readonly OAuthError SignInRefused = OAuthError.InvalidGrant(
        "The e-mail address or the password is wrong, or the account cannot sign in right now. Check them, or reset the password.");

    /// <summary>The first-party portal (and tests) sign a person in with e-mail address and password.</summary>
    public async Task<GrantResult> PasswordAsync(string issuer, string userName, string password, string? clientId, CancellationToken cancellationToken)
    {
        var result = await passwords.SignInAsync(userName, password, cancellationToken);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            // One answer for an unknown account, a wrong password, a locked or a disabled account:
            // nothing here tells a guesser whether the account exists or how it stands.
            return SignInRefused;
        }

        var account = result.Account!;
        var refreshToken = refreshTokens.StartSession(account.Id, clientId);
        await db.SaveChangesAsync(cancellationToken);
        return Respond(issuer, account, clientId, refreshToken);
    }

    /// <summary>Exchanges a refresh token for new tokens, with the account's roles as they are now.</summary>
    public async Task<GrantResult> RefreshAsync(string issuer, string refreshToken, string? clientId, CancellationToken cancellationToken)
    {
        var rotation = await refreshTokens.RotateAsync(refreshToken, clientId, cancellationToken);
        if (rotation.Refusal is { } refusal)
        {
            return OAuthError.InvalidGrant(refusal.Description);
        }

        return Respond(issuer, rotation.Account!, clientId, rotation.NewToken);
    }

    /// <summary>A machine client acting for itself: its configured roles and scopes, no refresh token (RFC 6749 4.4.3).</summary>
    public GrantResult ClientCredentials(string issuer, ClientSettings client, string? scope)
    {
        var requested = (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var notAllowed = requested.Where(s => !client.Scopes.Contains(s, StringComparer.Ordinal)).ToList();
        if (notAllowed.Count > 0)
        {
            return OAuthError.InvalidScope($"The client may not ask for: {string.Join(" ", notAllowed)}.");
        }

        var scopes = requested.Count > 0 ? requested : client.Scopes;
        var token = accessTokens.Issue(issuer, new TokenSubject(
            client.ClientId, null, null, null, client.Roles.Distinct().ToList(), [], client.ClientId, scopes, client.Audiences.Distinct().ToList()));
        return new TokenResponse(token.Token, (int)token.Lifetime.TotalSeconds, null, scopes.Count > 0 ? string.Join(' ', scopes) : null);
    }

    private TokenResponse Respond(string issuer, Account account, string? clientId, string? refreshToken)
    {
        var token = accessTokens.Issue(issuer, new TokenSubject(
            account.Id.ToString(), account.PersonId, account.Name, account.Email, account.RoleList, account.RegionList, clientId, [], TokenAudiences.Apis));
        return new TokenResponse(token.Token, (int)token.Lifetime.TotalSeconds, refreshToken, null);
    }
}
