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

namespace KollegialtUtbyte.Testing;

/// <summary>Who the organisation's provider says has signed in there.</summary>
public sealed record OrganisationPerson(string Subject, string? Email, bool? EmailVerified = null);

/// <summary>
/// An organisation's own OpenID Connect provider (as Microsoft Entra ID or an eID broker would
/// be): a second OpenIddict server on a loopback port, knowing one client, the identity service,
/// by its id, secret and redirect URI. It signs in whoever <see cref="SignedIn"/> names: at once,
/// or, with <see cref="AsksToSignIn"/>, after the person pressed the button on its sign-in page.
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

    /// <summary>The organisation's name on its sign-in page.</summary>
    public string DisplayName { get; set; } = "Organisationens inloggning";

    /// <summary>
    /// Whether a browser is shown the organisation's sign-in page (a heading with
    /// <see cref="DisplayName"/> and a button "Logga in") before it is sent back, as a person sees
    /// it; otherwise the authorization request signs <see cref="SignedIn"/> in at once.
    /// </summary>
    public bool AsksToSignIn { get; set; }

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
        app.MapGet("/connect/authorize", (HttpContext http) => self!.AsksToSignIn ? self.SignInPage(http.Request.Query) : self.Authorize());
        app.MapPost("/connect/authorize", () => self!.Authorize());
        app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        await app.StartAsync();
        var address = app.Urls.Single();
        self = new OrganisationProvider(app, address.TrimEnd('/') + "/");

        // The first request builds OpenIddict's pipeline, which on a busy machine takes longer than
        // a browser's or an HTTP client's patience: it is answered here, before anyone waits on it.
        using var warmUp = new HttpClient();
        using var discovery = await warmUp.GetAsync(self.Issuer + ".well-known/openid-configuration");
        discovery.EnsureSuccessStatusCode();
        return self;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Authorize()
    {
        if (SignedIn is not { } person)
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
    }

    /// <summary>The organisation's own page: the authorization request carried on in hidden fields, posted back by the button.</summary>
    private IResult SignInPage(IQueryCollection query)
    {
        var html = new System.Text.StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(DisplayName)).Append("</title></head>\n")
            .Append("<body><main><h1>").Append(WebUtility.HtmlEncode(DisplayName)).Append("</h1>\n")
            .Append("<form method=\"post\" action=\"/connect/authorize\">\n");
        foreach (var (name, values) in query)
        {
            foreach (var value in values)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(name)).Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\">\n");
            }
        }

        html.Append("<button type=\"submit\">Logga in</button>\n</form></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
