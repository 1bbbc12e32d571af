using KollegialtUtbyte.Gateway.Api;
using KollegialtUtbyte.Gateway.Forwarding;
using KollegialtUtbyte.Gateway.RateLimiting;
using KollegialtUtbyte.Gateway.Security;
using KollegialtUtbyte.ServiceDefaults.Security;
using KollegialtUtbyte.ServiceDefaults.Uploads;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace KollegialtUtbyte.Gateway;

/// <summary>
/// The gateway: routes and destinations from configuration, forwarding through YARP with
/// retries and circuit breakers,
/// rate limits, and the page listing the services' OpenAPI documents. It has no database and
/// publishes no events.
/// </summary>
public static class GatewayModule
{
    public const string Name = "gateway";

    /// <summary>
    /// The gateway in front of services elsewhere (<see cref="GatewayMount.Proxy"/>), or mounted in a
    /// process that hosts the service modules itself (<see cref="GatewayMount.InProcess"/>): there
    /// nothing is forwarded, but every request passes the same rate limits and every unknown
    /// <c>/api</c> path the same token check before the modules' endpoints.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayModule(this IHostApplicationBuilder builder, GatewayMount mount = GatewayMount.Proxy)
    {
        var settings = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(new MountedGateway(mount));
        builder.Services.AddGatewayRateLimiting(settings.RateLimits);
        if (mount == GatewayMount.InProcess)
        {
            // The modules accept their own audiences and the host's proxies are configured once (Portal:TrustedProxies).
            return builder;
        }

        var routes = RouteTable.From(settings, UploadOptions.From(builder.Configuration));

        // The gateway checks tokens for every API behind it; each service then checks its own audience.
        builder.AcceptAccessTokensFor([.. TokenAudiences.Apis]);
        builder.Services.AddSingleton(services => new RememberingTokenHandler(
            services.GetRequiredService<TimeProvider>(), settings.TokenCache.Lifetime, Math.Max(1, settings.TokenCache.Capacity)));
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<RememberingTokenHandler>((options, handler) =>
            {
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(handler);
            });
        builder.Services.AddSingleton(routes);
        builder.Services.AddSingleton<DestinationPipelines>();
        builder.Services.AddSingleton<ForwardingErrors>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, ResilientHttpClientFactory>();
        builder.Services.AddReverseProxy().AddTransforms(ConnectionHeaderTransforms.Add);
        builder.Services.AddSingleton<IProxyConfigProvider>(services => new InMemoryConfigProvider(
            ProxyConfiguration.Routes(routes),
            ProxyConfiguration.Clusters(routes, builder.Configuration, services.GetRequiredService<DestinationPipelines>())));

        // YARP logs each destination URL, query included, at Information: secrets must not reach the logs.
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.Services.AddTrustedProxies(settings.TrustedProxies, "Gateway:TrustedProxies");
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            // The default for the gateway's own endpoints; each forwarded request gets its destination's limit.
            kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodySize;
            kestrel.AddServerHeader = false;
        });
        return builder;
    }

    /// <summary>Runs after <c>MapDefaultEndpoints</c>, so the per-user window sees who is signed in (the per-address window ran before authentication).</summary>
    public static WebApplication MapGatewayModule(this WebApplication app)
    {
        app.UseRateLimiter();
        if (app.Services.GetRequiredService<MountedGateway>().Mount == GatewayMount.InProcess)
        {
            app.MapNotRouted();
            return app;
        }

        var routes = app.Services.GetRequiredService<RouteTable>();

        // Builds every destination's pipeline now: invalid resilience settings stop the start.
        app.Services.GetRequiredService<DestinationPipelines>();
        app.UseSecurityHeaders();
        app.UseApiDocumentsPolicy();
        app.MapApiDocuments(routes);
        app.MapForwarding();
        return app;
    }
}

/// <summary>Where the gateway module runs: in front of the services, or inside the process that hosts them.</summary>
public enum GatewayMount
{
    Proxy,
    InProcess,
}

internal sealed record MountedGateway(GatewayMount Mount);
