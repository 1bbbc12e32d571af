using System.Net;
using KollegialtUtbyte.Gateway.Domain;

namespace KollegialtUtbyte.Gateway.Forwarding;

/// <summary>
/// One HTTP client per destination, created once so that its connection pool and its circuit
/// breaker live as long as the gateway. The handlers forward as a proxy must: no cookies kept,
/// no redirects followed, no bodies decompressed, no system proxy.
/// </summary>
internal sealed class DestinationClients : IDisposable
{
    private readonly Dictionary<string, HttpMessageInvoker> _clients = new(StringComparer.OrdinalIgnoreCase);

    public DestinationClients(RouteTable routes, IConfiguration configuration, TimeProvider time, ILoggerFactory loggers)
    {
        var gateway = configuration.GetSection(GatewaySettings.SectionName);
        var logger = loggers.CreateLogger("KollegialtUtbyte.Gateway.Resilience");
        foreach (var destination in routes.Destinations)
        {
            var settings = ResilienceSettings.For(gateway, destination.Name);
            var transport = new SocketsHttpHandler
            {
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                ConnectTimeout = settings.ConnectTimeout,

                // New connections now and then pick up changed DNS entries (a rescheduled pod).
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                EnableMultipleHttp2Connections = true,
            };
            var resilience = new ResilienceHandler(DestinationPipeline.Create(destination.Name, settings, time, logger))
            {
                InnerHandler = transport,
            };
            _clients[destination.Name] = new HttpMessageInvoker(resilience, disposeHandler: true);
        }
    }

    public HttpMessageInvoker For(GatewayDestination destination) => _clients[destination.Name];

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
