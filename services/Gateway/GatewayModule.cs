using KollegialtUtbyte.Gateway.Api;
using KollegialtUtbyte.Gateway.Domain;
using KollegialtUtbyte.Gateway.Forwarding;
using KollegialtUtbyte.Gateway.RateLimiting;
using KollegialtUtbyte.ServiceDefaults.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace KollegialtUtbyte.Gateway;

/// <summary>
/// The gateway: routes and destinations from configuration, resilient streaming forwarding,
/// rate limits, and the page listing the services' OpenAPI documents. It has no database and
/// publishes no events.
/// </summary>
public static class GatewayModule
{
    public const string Name = "gateway";

    public static IHostApplicationBuilder AddGatewayModule(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(GatewaySettings.SectionName).Get<GatewaySettings>() ?? new GatewaySettings();
        var routes = RouteTable.From(settings);

        // The gateway checks tokens for every API behind it; each service then checks its own audience.
        builder.AcceptAccessTokensFor([.. TokenAudiences.Apis]);
        builder.Services.AddSingleton(routes);
        builder.Services.AddSingleton<DestinationClients>();
        builder.Services.AddSingleton<HttpForwarder>();
        builder.Services.AddGatewayRateLimiting(settings.RateLimits);
        builder.Services.AddTrustedProxies(settings.TrustedProxies, "Gateway:TrustedProxies");
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            // The default for the gateway's own endpoints; each forwarded request gets its destination's limit.
            kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodySize;
            kestrel.AddServerHeader = false;
        });
        return builder;
    }

    /// <summary>Runs after <c>MapDefaultEndpoints</c>, so the rate limiter sees who is signed in.</summary>
    public static WebApplication MapGatewayModule(this WebApplication app)
    {
        app.UseRateLimiter();
        var routes = app.Services.GetRequiredService<RouteTable>();

        // Builds every destination's client and pipeline now: invalid resilience settings stop the start.
        app.Services.GetRequiredService<DestinationClients>();
        app.MapApiDocuments(routes);
        app.MapForwarding(routes);
        return app;
    }
}
