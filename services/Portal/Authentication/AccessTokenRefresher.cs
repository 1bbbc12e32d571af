using Microsoft.AspNetCore.Authentication;

namespace KollegialtUtbyte.Portal.Authentication;

/// <summary>
/// Makes the portal's cookie the identity of page requests (APIs keep their bearer tokens), and,
/// before a page renders, renews the access token when it is about to expire (the refresh token
/// rotates) and rewrites the cookie. A refused refresh (revoked, reused, account disabled) signs
/// the person out. Runs before rendering because a streamed page can no longer set cookies.
/// </summary>
internal sealed class AccessTokenRefresher(RequestDelegate next, TimeProvider time, SessionRenewals renewals, ILogger<AccessTokenRefresher> logger)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    public async Task InvokeAsync(HttpContext context, TokenClient tokens)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/health"))
        {
            await RefreshIfDueAsync(context, tokens);
        }

        await next(context);
    }

    private async Task RefreshIfDueAsync(HttpContext context, TokenClient tokens)
    {
        var result = await context.AuthenticateAsync(PortalAuthentication.Scheme);
        if (!result.Succeeded || result.Properties is null)
        {
            return;
        }

        context.User = result.Principal;

        var expiresAt = result.Properties.GetTokenValue("expires_at");
        if (expiresAt is null || DateTimeOffset.Parse(expiresAt, CultureInfo.InvariantCulture) - Margin > time.GetUtcNow())
        {
            return;
        }

        var refreshToken = result.Properties.GetTokenValue("refresh_token");
        var (renewed, error) = string.IsNullOrEmpty(refreshToken)
            ? (null, new TokenError("invalid_grant", "no refresh token"))
            // Shared by the session's simultaneous requests, so one leaving early must not cancel it for the others.
            : await renewals.RenewAsync(refreshToken, () => tokens.RefreshAsync(refreshToken, CancellationToken.None));
        if (renewed is null)
        {
            logger.LogInformation("Refreshing the portal session failed ({Error}); signing out", error?.Error);
            await context.SignOutAsync(PortalAuthentication.Scheme);
            context.User = new System.Security.Claims.ClaimsPrincipal();
            return;
        }

        // The other tokens (the ID token signing out needs) stay as they are.
        var properties = result.Properties;
        properties.UpdateTokenValue("access_token", renewed.AccessToken);
        properties.UpdateTokenValue("refresh_token", renewed.RefreshToken ?? refreshToken!);
        properties.UpdateTokenValue("expires_at", time.GetUtcNow().AddSeconds(renewed.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        var principal = PortalAuthentication.PrincipalFrom(renewed.AccessToken);
        await context.SignInAsync(PortalAuthentication.Scheme, principal, properties);
        context.User = principal;
    }
}
