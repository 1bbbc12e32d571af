using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;

namespace KollegialtUtbyte.ServiceDefaults.Security;

/// <summary>
/// Behind a proxy (the ingress in front of the gateway, the gateway in front of the portal) the
/// client's address, scheme and host are the ones that proxy reports in X-Forwarded-For/Proto/Host.
/// Only the listed proxies are believed: anyone else could claim to be anybody over https.
/// </summary>
public static class TrustedProxies
{
    /// <summary>
    /// Believes X-Forwarded-* from <paramref name="proxies"/>: networks in CIDR notation
    /// (<c>10.0.0.0/8</c>) or single addresses. Empty: the service faces its clients directly.
    /// <paramref name="settingName"/> names the setting in the start-up error of a malformed entry.
    /// </summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IReadOnlyList<string> proxies, string settingName)
    {
        if (proxies.Count == 0)
        {
            return services;
        }

        var networks = new List<System.Net.IPNetwork>();
        var addresses = new List<IPAddress>();
        foreach (var proxy in proxies)
        {
            if (System.Net.IPNetwork.TryParse(proxy, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(proxy, out var address))
            {
                addresses.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{settingName}: '{proxy}' is neither a network in CIDR notation (e.g. 10.0.0.0/8) nor an IP address.");
            }
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            networks.ForEach(options.KnownIPNetworks.Add);
            addresses.ForEach(options.KnownProxies.Add);

            // Walk back through every trusted hop; the first untrusted address is the client.
            options.ForwardLimit = null;
        });

        // First in the pipeline, before authentication, cookies, rate limiting and forwarding read the request.
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
