using KollegialtUtbyte.Identity.Tokens;

namespace KollegialtUtbyte.Identity.Api;

/// <summary><c>/connect/token</c> (RFC 6749) and <c>/connect/revocation</c> (RFC 7009).</summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/connect/revocation", RevokeAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> IssueAsync(
        HttpContext http, TokenGrants grants, ClientRegistry clients, IssuerNames issuers, SignInThrottle throttle, TrustedProxyHeaders proxies)
    {
        var (parameters, formError) = await OAuthProtocol.ReadFormAsync(http.Request);
        if (formError is not null)
        {
            return OAuthProtocol.Error(http, formError);
        }

        // Guessing passwords or client secrets is throttled per account (client) and per address;
        // refresh tokens are random and long, nothing to guess there.
        var grantType = parameters!.GetValueOrDefault("grant_type");
        if (grantType is "password" or "client_credentials" &&
            throttle.SignInAttempt(parameters!.GetValueOrDefault(grantType == "password" ? "username" : "client_id"), proxies.ClientAddress(http.Request)) is { } wait)
        {
            return OAuthProtocol.TooManyRequests(http, wait);
        }

        var (client, clientError) = OAuthProtocol.IdentifyClient(http.Request, parameters!, clients);
        if (clientError is not null)
        {
            return OAuthProtocol.Error(http, clientError);
        }

        var form = parameters!;
        var issuer = issuers.For(http.Request);
        var cancellationToken = http.RequestAborted;
        var result = form.GetValueOrDefault("grant_type") switch
        {
            null => OAuthError.InvalidRequest("grant_type is missing."),
            "password" => form.TryGetValue("username", out var userName) && form.TryGetValue("password", out var password)
                ? await grants.PasswordAsync(issuer, userName, password, client?.ClientId, cancellationToken)
                : OAuthError.InvalidRequest("The password grant needs username and password."),
            "refresh_token" => form.TryGetValue("refresh_token", out var refreshToken)
                ? await grants.RefreshAsync(issuer, refreshToken, client?.ClientId, cancellationToken)
                : OAuthError.InvalidRequest("The refresh_token grant needs refresh_token."),
            "client_credentials" => client?.Confidential is { } confidential
                ? grants.ClientCredentials(issuer, confidential, form.GetValueOrDefault("scope"))
                : OAuthError.InvalidClient("The client_credentials grant needs an authenticated client."),
            var other => OAuthError.UnsupportedGrantType($"The grant type '{other}' is not supported; use password, refresh_token or client_credentials."),
        };

        return result.Error is { } error ? OAuthProtocol.Error(http, error) : OAuthProtocol.Token(http, result.Response!);
    }

    /// <summary>Signing out: the refresh token's session ends. Unknown or already revoked tokens are answered 200 as well.</summary>
    private static async Task<IResult> RevokeAsync(HttpContext http, RefreshTokenService refreshTokens, ClientRegistry clients)
    {
        var (parameters, formError) = await OAuthProtocol.ReadFormAsync(http.Request);
        if (formError is not null)
        {
            return OAuthProtocol.Error(http, formError);
        }

        var (client, clientError) = OAuthProtocol.IdentifyClient(http.Request, parameters!, clients);
        if (clientError is not null)
        {
            return OAuthProtocol.Error(http, clientError);
        }

        if (!parameters!.TryGetValue("token", out var token))
        {
            return OAuthProtocol.Error(http, OAuthError.InvalidRequest("token is missing."));
        }

        // Access tokens are short-lived JWTs and cannot be revoked; only refresh tokens are looked up.
        if (!await refreshTokens.RevokeAsync(token, client?.ClientId, http.RequestAborted))
        {
            return OAuthProtocol.Error(http, OAuthError.InvalidRequest("The token was issued to another client."));
        }

        OAuthProtocol.NoStore(http.Response);
        return Results.Ok();
    }
}
