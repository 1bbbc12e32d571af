using KollegialtUtbyte.Portal.About;
using KollegialtUtbyte.Portal.Authentication;
using KollegialtUtbyte.Portal.Components;
using KollegialtUtbyte.ServiceDefaults.Security;
using KollegialtUtbyte.ServiceDefaults.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace KollegialtUtbyte.Portal;

/// <summary>
/// The portal as a module: Razor components rendered on the server, a cookie sign-in that keeps
/// the user's tokens server-side, Swedish by default with English on request, and a client for
/// the services behind the gateway. Composed by its own host and by the embedded host.
/// </summary>
public static class PortalModule
{
    public const string Name = "portal";

    public static readonly CultureInfo[] Cultures = [new("sv-SE"), new("en-GB")];

    public static IHostApplicationBuilder AddPortalModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName);
        builder.Services.AddTrustedProxies(
            builder.Configuration.GetSection(PortalOptions.SectionName).Get<PortalOptions>()?.TrustedProxies ?? [],
            $"{PortalOptions.SectionName}:{nameof(PortalOptions.TrustedProxies)}");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddCascadingAuthenticationState();
        builder.AddPublisher();
        builder.AddPortalKeyRing();
        builder.AddPortalAuthentication();
        builder.AddGatewayClient();
        builder.AddUploadOptions();
        return builder;
    }

    public static WebApplication MapPortalModule(this WebApplication app)
    {
        // Every portal endpoint below opts in with WithSecurityHeaders (the content security policy).
        app.UseSecurityHeaders();
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // The visible switch sets the cookie; nothing else decides the language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // The cookie's identity must be in place before antiforgery checks a form against it.
        app.UseMiddleware<AccessTokenRefresher>();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous().WithSecurityHeaders();
        app.MapPortalAssets();
        app.MapPortalAccountEndpoints();
        Programme.StatisticsDownload.MapProgrammeDownloads(app);
        Programme.EffectsDownloads.MapEffectsDownloads(app);
        Team.DocumentFileEndpoints.MapTeamDocumentEndpoints(app);
        app.MapPersonalDataDownloads();
        app.MapRazorComponents<App>().AllowAnonymous().WithSecurityHeaders();

        // An address no page has gets the portal's "page not found" (the router's NotFoundPage),
        // not the 401 the services' fallback policy gives; unknown API paths keep that policy.
        app.MapFallback("/api/{**rest}", () => Results.NotFound());
        app.MapFallback("{**path}", () => new RazorComponentResult<App> { StatusCode = StatusCodes.Status404NotFound }).AllowAnonymous().WithSecurityHeaders();
        return app;
    }
}

/// <summary>Section <c>Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>Where the services are reached: the gateway (or, embedded, this very host).</summary>
    public Uri GatewayUrl { get; set; } = new("http://localhost:8080");

    /// <summary>The OAuth client id the portal presents at the token endpoint.</summary>
    public string ClientId { get; set; } = "portal";

    /// <summary>The portal's client secret at the identity service (<c>Identity:Portal:Secret</c> there); none: a public client.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Networks (CIDR) or addresses of the proxies in front of the portal (the gateway), whose
    /// X-Forwarded-Proto/For/Host are believed: behind them the portal sees https and the client.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
