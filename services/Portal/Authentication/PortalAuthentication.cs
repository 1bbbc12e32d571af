using System.Security.Claims;
using KollegialtUtbyte.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace KollegialtUtbyte.Portal.Authentication;

/// <summary>
/// Sign-in for the portal: OpenID Connect's authorization code flow with PKCE against the
/// identity service through the gateway (the person types the password at the identity
/// service's page, never at the portal); the access and refresh tokens stay on the server,
/// inside the encrypted auth cookie, and the claims of the access token become the cookie's
/// identity. The browser never sees a token.
/// </summary>
public static class PortalAuthentication
{
    public const string Scheme = "portal";
    public const string OpenIdScheme = "portal-oidc";

    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder)
    {
        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        var requireHttps = builder.Configuration.GetValue("Auth:RequireHttpsMetadata", true);
        builder.Services.AddAuthentication()
            .AddOpenIdConnect(OpenIdScheme, o =>
            {
                o.SignInScheme = Scheme;
                o.SignOutScheme = Scheme;
                o.ResponseType = OpenIdConnectResponseType.Code;

                // The code comes back on a top-level GET, which carries the Lax correlation cookies.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.Scope.Clear();
                o.Scope.Add(OpenIdConnectScope.OpenId);
                o.Scope.Add(OpenIdConnectScope.OfflineAccess);
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.RequireHttpsMetadata = requireHttps;
                o.CallbackPath = "/signin-oidc";
                o.SignedOutCallbackPath = "/signout-callback-oidc";
                o.SignedOutRedirectUri = "/";
                o.TokenValidationParameters.NameClaimType = ClaimNames.Name;
                o.TokenValidationParameters.RoleClaimType = ClaimNames.Role;

                // The callback is a top-level GET from the identity service: Lax cookies come along.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = securePolicy;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = securePolicy;
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    // The sign-in page speaks the portal's language.
                    context.ProtocolMessage.UiLocales = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                    return Task.CompletedTask;
                };
                o.Events.OnTokenValidated = context =>
                {
                    // The access token's claims (roles, regions, person) are who the person is here.
                    context.Principal = PrincipalFrom(context.TokenEndpointResponse!.AccessToken);
                    context.Properties!.IsPersistent = false;
                    return Task.CompletedTask;
                };
            })
            .AddCookie(Scheme, o =>
            {
                o.Cookie.Name = "ku.portal";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Behind the gateway the request is https as the trusted proxy reports it; only a
                // developer's plain-http machine may get the cookie without Secure.
                o.Cookie.SecurePolicy = securePolicy;
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
        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdScheme).Configure<IOptions<PortalOptions>, IHttpClientFactory>((o, settings, clients) =>
        {
            // Discovery, the code exchange and refreshes go to the identity service through the
            // gateway's address the portal knows; the browser is sent to the public addresses.
            o.Authority = settings.Value.GatewayUrl.ToString().TrimEnd('/');
            o.MetadataAddress = new Uri(settings.Value.GatewayUrl, "/.well-known/openid-configuration").ToString();
            o.Backchannel = clients.CreateClient(ProviderClient);
            o.ClientId = settings.Value.ClientId;
            o.ClientSecret = settings.Value.ClientSecret;
        });
        builder.Services.AddTransient<ToGateway>();
        builder.Services.AddHttpClient(ProviderClient).AddHttpMessageHandler<ToGateway>();
        builder.Services.AddScoped<TokenClient>();
        builder.Services.AddSingleton<SessionRenewals>();
        return builder;
    }

    /// <summary>The principal the cookie carries: the access token's claims, under the portal scheme.</summary>
    public static ClaimsPrincipal PrincipalFrom(string accessToken)
    {
        var token = new JsonWebToken(accessToken);
        var claims = token.Claims.Where(c => c.Type is not ("exp" or "iat" or "nbf" or "iss" or "aud" or "jti"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimNames.Name, ClaimNames.Role));
    }

    /// <summary>The back channel to the provider.</summary>
    public const string ProviderClient = "identity-provider";

    /// <summary>
    /// Sends the provider's calls to the gateway's address: the discovery document names the public
    /// addresses, which the portal inside the cluster may not reach.
    /// </summary>
    internal sealed class ToGateway(IOptions<PortalOptions> settings) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                request.RequestUri = new Uri(settings.Value.GatewayUrl, uri.PathAndQuery);
            }

            return base.SendAsync(request, cancellationToken);
        }
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
