using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace KollegialtUtbyte.Identity.Tests.Support;

/// <summary>Who the organisation's provider says has signed in there.</summary>
public sealed record OrganisationPerson(string Subject, string? Email, bool? EmailVerified = null);

/// <summary>
/// An organisation's own OpenID Connect provider (as Microsoft Entra ID or an eID broker would
/// be): a second OpenIddict server on a loopback port, knowing one client, the identity service,
/// by its id, secret and redirect URI. It signs in whoever <see cref="SignedIn"/> names, without
/// a page of its own.
/// </summary>
public sealed class OrganisationProvider : IAsyncDisposable
{
    public const string ClientId = "kollegialt-utbyte";
    public const string ClientSecret = "organisationens-klienthemlighet";

    private readonly WebApplication _app;

    private OrganisationProvider(WebApplication app, string issuer)
    {
        _app = app;
        Issuer = issuer;
    }

    public string Issuer { get; }

    /// <summary>The person the next authorization request signs in.</summary>
    public OrganisationPerson? SignedIn { get; set; }

    /// <summary>Token requests whose client secret was right.</summary>
    public int AuthenticatedTokenRequests => _tokenRequests;

    private int _tokenRequests;

    /// <summary>The redirect URI the identity service must use (its sign-in callback at its own address).</summary>
    public static async Task<OrganisationProvider> StartAsync(string redirectUri)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        OrganisationProvider? self = null;
        builder.Services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                server.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);

                // No database: the one client is checked by the handlers below.
                server.EnableDegradedMode();
                server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
                {
                    if (context.ClientId != ClientId || context.RedirectUri != redirectUri)
                    {
                        context.Reject(Errors.InvalidClient, "Unknown client or redirect URI.");
                    }

                    return default;
                }));
                server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
                {
                    if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                    {
                        context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                        return default;
                    }

                    Interlocked.Increment(ref self!._tokenRequests);
                    return default;
                }));
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        app.MapGet("/connect/authorize", () =>
        {
            if (self!.SignedIn is not { } person)
            {
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Email, person.Email);
            if (person.EmailVerified is { } verified)
            {
                identity.AddClaim(new Claim(Claims.EmailVerified, verified ? "true" : "false", ClaimValueTypes.Boolean));
            }

            identity.SetScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        await app.StartAsync();
        var address = app.Urls.Single();
        self = new OrganisationProvider(app, address.TrimEnd('/') + "/");
        return self;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
