using Microsoft.AspNetCore.HttpOverrides;

namespace KollegialtUtbyte.Gateway.Forwarding;

/// <summary>
/// Behind a proxy (an ingress), the client's address and scheme are the ones that proxy reports.
/// Without this the per-address rate limit would see one address for everybody, and the services
/// would be told the proxy's address instead of the client's.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IReadOnlyList<string> networks)
    {
        if (networks.Count == 0)
        {
            return services;
        }

        var parsed = networks.Select(network => System.Net.IPNetwork.TryParse(network, out var value)
            ? value
            : throw new InvalidOperationException($"Gateway:TrustedProxies: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).")).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var network in parsed)
            {
                options.KnownIPNetworks.Add(network);
            }

            // Walk back through every trusted hop; the first untrusted address is the client.
            options.ForwardLimit = null;
        });

        // First in the pipeline, before authentication, rate limiting and forwarding read the address.
        services.AddSingleton<IStartupFilter, ForwardedHeadersFirst>();
        return services;
    }

    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
