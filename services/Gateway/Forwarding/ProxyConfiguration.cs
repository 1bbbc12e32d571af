using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace KollegialtUtbyte.Gateway.Forwarding;

/// <summary>
/// The route table as YARP's routes and clusters: one cluster per destination (its addresses as
/// YARP destinations), one route per prefix plus one per public path and OpenAPI document.
/// Authorization is YARP's per route: the default policy (a valid token) or anonymous.
/// </summary>
internal static class ProxyConfiguration
{
    private const string SignedIn = "Default";
    private const string Anyone = "Anonymous";

    public static IReadOnlyList<RouteConfig> Routes(RouteTable table)
    {
        var routes = new List<RouteConfig>();
        foreach (var route in table.Routes)
        {
            routes.Add(Route(route.Name, route.PathPrefix == "/" ? "/{**path}" : route.PathPrefix + "/{**path}", route, route.RequiresToken ? SignedIn : Anyone));
            for (var i = 0; i < route.PublicPaths.Count; i++)
            {
                routes.Add(Route($"{route.Name}-public-{i}", route.PublicPaths[i], route, Anyone));
            }

            if (route.OpenApiDocument is { } document)
            {
                routes.Add(Route($"{route.Name}-openapi", document, route, Anyone) with
                {
                    Match = new RouteMatch { Path = document, Methods = [HttpMethods.Get, HttpMethods.Head] },
                });
            }
        }

        return routes;
    }

    public static IReadOnlyList<ClusterConfig> Clusters(RouteTable table, IConfiguration configuration, DestinationPipelines pipelines)
    {
        var gateway = configuration.GetSection(GatewayOptions.SectionName);
        return [.. table.Destinations.Select(destination =>
        {
            var health = new DestinationHealthCheckOptions();
            gateway.GetSection($"Destinations:{destination.Name}:HealthCheck").Bind(health);
            var resilience = pipelines.ResilienceOf(destination.Name);
            var replicated = destination.Addresses.Count > 1;
            return new ClusterConfig
            {
                ClusterId = destination.Name,
                LoadBalancingPolicy = LoadBalancingPolicies.PowerOfTwoChoices,
                Destinations = destination.Addresses
                    .Select((address, i) => (Key: $"{destination.Name}-{i + 1}", Address: address))
                    .ToDictionary(d => d.Key, d => new DestinationConfig { Address = d.Address.GetLeftPart(UriPartial.Authority) }),
                HealthCheck = replicated ? Replicas(health) : null,

                // The pipeline's timeouts decide until the answer starts; this bounds silence after that.
                HttpRequest = new() { ActivityTimeout = resilience.UploadTimeout > resilience.Timeout ? resilience.UploadTimeout : resilience.Timeout },
            };
        })];
    }

    /// <summary>Replicas are probed and a failing one is left out; when all fail, all are tried rather than none.</summary>
    private static HealthCheckConfig Replicas(DestinationHealthCheckOptions health) => new()
    {
        AvailableDestinationsPolicy = HealthyOrPanic,
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = health.Interval,
            Timeout = health.Timeout,
            Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            Path = health.Path,
        },
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true,
            Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
            ReactivationPeriod = health.ReactivationPeriod,
        },
    };

    private const string HealthyOrPanic = "HealthyOrPanic";

    private static RouteConfig Route(string id, string path, GatewayRoute route, string authorization) => new()
    {
        RouteId = id,
        ClusterId = route.Destination.Name,
        AuthorizationPolicy = authorization,
        Match = new RouteMatch { Path = path },

        // Only the gateway speaks of where a request came from (it sets X-Forwarded-*).
        Transforms = [new Dictionary<string, string> { ["RequestHeaderRemove"] = "Forwarded" }],
    };
}
