using System.Security.Claims;
using KollegialtUtbyte.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KollegialtUtbyte.Portal.Authentication;

/// <summary>
/// Sign-in for the portal: the person's credentials go to the identity service's token endpoint;
/// the access and refresh tokens stay on the server, inside the encrypted auth cookie, and the
/// claims of the access token become the cookie's identity. The browser never sees a token.
/// </summary>
public static class PortalAuthentication
{
    public const string Scheme = "portal";

    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddCookie(Scheme, o =>
            {
                o.Cookie.Name = "ku.portal";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Behind the gateway the request is https as the trusted proxy reports it; only a
                // developer's plain-http machine may get the cookie without Secure.
                o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.LoginPath = "/logga-in";
                o.AccessDeniedPath = "/ingen-behorighet";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.SignedIn, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(PortalPolicies.Administrator, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Administrator))
            .AddPolicy(PortalPolicies.Facilitator, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Facilitator, Roles.Administrator))
            .AddPolicy(PortalPolicies.TeamMember, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.ProjectLeader, Roles.TeamMember).RequireClaim(ClaimNames.Region))
            .AddPolicy(PortalPolicies.Politician, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Politician));
        builder.Services.AddScoped<TokenClient>();
        return builder;
    }

    /// <summary>The principal the cookie carries: the access token's claims, under the portal scheme.</summary>
    public static ClaimsPrincipal PrincipalFrom(string accessToken)
    {
        var token = new JsonWebToken(accessToken);
        var claims = token.Claims.Where(c => c.Type is not ("exp" or "iat" or "nbf" or "iss" or "aud" or "jti"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimNames.Name, ClaimNames.Role));
    }

    public static AuthenticationProperties PropertiesFor(TokenResponse tokens, TimeProvider time)
    {
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = tokens.AccessToken },
            new AuthenticationToken { Name = "refresh_token", Value = tokens.RefreshToken ?? "" },
            new AuthenticationToken { Name = "expires_at", Value = time.GetUtcNow().AddSeconds(tokens.ExpiresIn).ToString("o") },
        ]);
        return properties;
    }
}

public static class PortalPolicies
{
    public const string SignedIn = "portal-signed-in";
    public const string Administrator = "portal-administrator";
    public const string Facilitator = "portal-facilitator";
    public const string TeamMember = "portal-team-member";
    public const string Politician = "portal-politician";
}
