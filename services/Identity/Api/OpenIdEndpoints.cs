using System.Security.Claims;
using KollegialtUtbyte.Identity.Application.OpenId;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KollegialtUtbyte.Identity.Api;

/// <summary>
/// What the provider issues, once OpenIddict has validated the protocol (client, grant, PKCE,
/// redirect URI, code or refresh token): who the tokens speak for and which APIs they are for.
/// </summary>
public static class OpenIdEndpoints
{
    public static IEndpointRouteBuilder MapOpenIdEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(OpenIdServer.TokenPath, IssueAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        foreach (var map in new Func<string, Delegate, RouteHandlerBuilder>[] { app.MapGet, app.MapPost })
        {
            map(OpenIdServer.AuthorizationPath, AuthorizeAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
            map(OpenIdServer.EndSessionPath, EndSessionAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        }

        return app;
    }

    /// <summary>
    /// The authorization code flow: OpenIddict has checked the client, the exact redirect URI and
    /// the PKCE challenge. A person who has not signed in at the provider (or whose account was
    /// disabled meanwhile) goes to the sign-in page first and comes back here.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ForbidHttpResult, RedirectHttpResult>> AuthorizeAsync(HttpContext http, UserManager<Account> users)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request was not handled by the provider.");
        var session = await http.AuthenticateAsync(OpenIdServer.SessionScheme);
        var account = session.Succeeded && session.Principal.FindFirst(ClaimNames.Subject)?.Value is { } subject ? await users.FindByIdAsync(subject) : null;
        if (account is null || account.IsDisabled || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TypedResults.Forbid(Error(Errors.LoginRequired, "The person has not signed in."), [OpenIdServer.Scheme]);
            }

            await http.SignOutAsync(OpenIdServer.SessionScheme);
            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt)
                .Select(p => new KeyValuePair<string, string?>(p.Key, (string?)p.Value));
            var returnUrl = http.Request.PathBase + OpenIdServer.AuthorizationPath + QueryString.Create(parameters);
            return TypedResults.Redirect(SignInPage.For(http.Request, returnUrl, request.UiLocales?.Split(' ').FirstOrDefault()));
        }

        return SignIn(ForPerson(account, request.ClientId, request.GetScopes()));
    }

    /// <summary>Signing out at the provider: its session ends, and the client's post-logout URI (if registered) is where the person lands.</summary>
    private static async Task<SignOutHttpResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(OpenIdServer.SessionScheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = http.Request.PathBase + "/" }, [OpenIdServer.Scheme]);
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> IssueAsync(HttpContext http, UserManager<Account> users, ClientCatalogue clients)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request was not handled by the provider.");
        var cancellationToken = http.RequestAborted;

        if (request.IsClientCredentialsGrantType())
        {
            return ForClient(clients.Find(request.ClientId), request);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token was validated by the provider; the account is read afresh
            // so that roles granted or taken meanwhile, and a disabled account, count now.
            var authenticated = await http.AuthenticateAsync(OpenIdServer.Scheme);
            var account = authenticated.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (account is null || account.IsDisabled)
            {
                return Refused(account is null ? "The account no longer exists." : "The account is disabled.");
            }

            return SignIn(ForPerson(account, request.ClientId, authenticated.Principal!.GetScopes()));
        }

        return TypedResults.Forbid(
            Error(Errors.UnsupportedGrantType, "The grant type is not supported."), [OpenIdServer.Scheme]);
    }

    /// <summary>A person's access token: the suite's claims, for every API.</summary>
    public static ClaimsPrincipal ForPerson(Account account, string? clientId, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIdServer.Scheme, ClaimNames.Name, ClaimNames.Role);
        identity.SetClaim(ClaimNames.Subject, account.Id.ToString())
            .SetClaim(ClaimNames.Person, account.PersonId.ToString())
            .SetClaim(ClaimNames.Name, account.Name)
            .SetClaim(ClaimNames.Email, account.Email)
            .SetClaim(ClaimNames.ClientId, clientId)
            .SetClaims(ClaimNames.Role, [.. account.RoleList])
            .SetClaims(ClaimNames.Region, [.. account.RegionList.Select(r => r.ToString())]);
        identity.SetScopes(scopes);
        identity.SetResources(TokenAudiences.Apis);
        identity.SetAudiences(TokenAudiences.Apis);
        identity.SetDestinations(claim => claim.Type switch
        {
            // The ID token says who signed in; roles and regions are for the APIs.
            ClaimNames.Subject or ClaimNames.Name or ClaimNames.Email => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    /// <summary>A machine client acting for itself: its configured roles, scopes and APIs; no refresh token (RFC 6749 4.4.3).</summary>
    private static Results<SignInHttpResult, ForbidHttpResult> ForClient(ClientOptions? client, OpenIddictRequest request)
    {
        if (client is null)
        {
            return TypedResults.Forbid(Error(Errors.InvalidClient, "The client is not configured."), [OpenIdServer.Scheme]);
        }

        var requested = request.GetScopes();
        var scopes = requested.IsDefaultOrEmpty ? client.Scopes : [.. requested];
        var identity = new ClaimsIdentity(OpenIdServer.Scheme, ClaimNames.Name, ClaimNames.Role);
        identity.SetClaim(ClaimNames.Subject, client.ClientId)
            .SetClaim(ClaimNames.ClientId, client.ClientId)
            .SetClaims(ClaimNames.Role, [.. client.Roles.Distinct()]);
        identity.SetScopes(scopes);
        identity.SetAudiences(client.Audiences.Distinct());
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return SignIn(new ClaimsPrincipal(identity));
    }

    private static SignInHttpResult SignIn(ClaimsPrincipal principal) => TypedResults.SignIn(principal, authenticationScheme: OpenIdServer.Scheme);

    private static ForbidHttpResult Refused(string description) =>
        TypedResults.Forbid(Error(Errors.InvalidGrant, description), [OpenIdServer.Scheme]);

    private static AuthenticationProperties Error(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
