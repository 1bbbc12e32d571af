using System.Text.RegularExpressions;
using KollegialtUtbyte.ServiceDefaults.Uploads;

namespace KollegialtUtbyte.Gateway.Domain;

/// <summary>A service behind the gateway, validated: one address, or several replicas of it.</summary>
public sealed record GatewayDestination(string Name, IReadOnlyList<Uri> Addresses, long MaxRequestBodySize);

/// <summary>A path prefix and where it goes, validated.</summary>
/// <param name="RequiresToken">True for a non-public route under <c>/api</c>: the gateway lets only signed-in callers through.</param>
/// <param name="PublicPaths">Route templates under the prefix forwarded without a token.</param>
/// <param name="OpenApiDocument">Path of the destination's OpenAPI document for this prefix, if it has one.</param>
public sealed record GatewayRoute(
    string Name,
    string PathPrefix,
    GatewayDestination Destination,
    bool RequiresToken,
    IReadOnlyList<string> PublicPaths,
    string? OpenApiDocument);

/// <summary>
/// The routes and destinations from configuration, checked once at start so that a typo stops
/// the gateway with a message instead of sending traffic to the wrong place.
/// </summary>
public sealed partial class RouteTable
{
    /// <summary>Everything under this prefix needs a token unless a route says it is public.</summary>
    public const string ApiPrefix = "/api";

    /// <summary>The gateway's own page listing the services' OpenAPI documents.</summary>
    public const string DocumentsPage = "/api/docs";

    private RouteTable(IReadOnlyList<GatewayRoute> routes, IReadOnlyList<GatewayDestination> destinations)
    {
        Routes = routes;
        Destinations = destinations;
    }

    public IReadOnlyList<GatewayRoute> Routes { get; }

    public IReadOnlyList<GatewayDestination> Destinations { get; }

    /// <param name="settings">Section <c>Gateway</c>.</param>
    /// <param name="uploads">The suite's upload limit, which sizes the body limit of destinations receiving uploads.</param>
    public static RouteTable From(GatewayOptions settings, UploadOptions? uploads = null)
    {
        uploads ??= new UploadOptions();
        var problems = new List<string>();
        var destinations = new Dictionary<string, GatewayDestination>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, destination) in settings.Destinations)
        {
            var limit = destination.MaxRequestBodySize
                ?? (destination.DocumentUploads ? uploads.MaxRequestBytes : settings.MaxRequestBodySize);
            var given = new[] { destination.Address }.Concat(destination.Addresses)
                .Where(a => !string.IsNullOrEmpty(a)).Select(a => a!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var invalid = given.Where(a => !IsOrigin(a)).ToList();
            if (given.Count == 0 || invalid.Count > 0)
            {
                problems.Add($"Destination '{name}': Address '{(given.Count == 0 ? destination.Address : string.Join("', '", invalid))}' must be an absolute http(s) URL without a path, e.g. http://regions:8080.");
                continue;
            }

            if (limit <= 0)
            {
                problems.Add($"Destination '{name}': MaxRequestBodySize must be positive.");
                continue;
            }

            destinations[name] = new GatewayDestination(name, [.. given.Select(a => new Uri(a, UriKind.Absolute))], limit);
        }

        var routes = new List<GatewayRoute>();
        foreach (var (name, route) in settings.Routes)
        {
            var prefix = NormalizePrefix(route.PathPrefix);
            if (prefix is null)
            {
                problems.Add($"Route '{name}': PathPrefix '{route.PathPrefix}' must be literal path segments starting with '/', e.g. /api/regions.");
                continue;
            }

            if (IsSameOrUnder(prefix, DocumentsPage) || string.Equals(prefix, ApiPrefix, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Route '{name}': PathPrefix '{prefix}' is the gateway's own.");
                continue;
            }

            if (route.Destination is null || !destinations.TryGetValue(route.Destination, out var destination))
            {
                if (route.Destination is null || !settings.Destinations.ContainsKey(route.Destination))
                {
                    problems.Add($"Route '{name}': Destination '{route.Destination}' is not one of the configured destinations ({string.Join(", ", settings.Destinations.Keys)}).");
                }

                continue;
            }

            if (routes.FirstOrDefault(r => string.Equals(r.PathPrefix, prefix, StringComparison.OrdinalIgnoreCase)) is { } duplicate)
            {
                problems.Add($"Route '{name}': PathPrefix '{prefix}' is already routed by '{duplicate.Name}'.");
                continue;
            }

            var outsidePrefix = route.PublicPaths.Where(p => !IsSameOrUnder(p, prefix)).ToList();
            if (outsidePrefix.Count > 0)
            {
                problems.Add($"Route '{name}': PublicPaths {string.Join(", ", outsidePrefix)} are not under '{prefix}'.");
                continue;
            }

            var underApi = IsSameOrUnder(prefix, ApiPrefix);
            routes.Add(new GatewayRoute(
                name,
                prefix,
                destination,
                RequiresToken: underApi && !route.Public,
                route.PublicPaths.ToList(),
                route.OpenApi ? $"{prefix.TrimEnd('/')}/openapi.json" : null));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The gateway's configuration (section Gateway) is not valid:\n" + string.Join("\n", problems));
        }

        return new RouteTable(routes, destinations.Values.ToList());
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="prefix"/> or lies below it, segment by segment.</summary>
    public static bool IsSameOrUnder(string path, string prefix)
    {
        if (prefix == "/")
        {
            return path.StartsWith('/');
        }

        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && (path.Length == prefix.Length || path[prefix.Length] == '/');
    }

    private static bool IsOrigin(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/"
        && uri.Query.Length == 0;

    private static string? NormalizePrefix(string? prefix)
    {
        if (prefix is null || !LiteralPath().IsMatch(prefix))
        {
            return null;
        }

        return prefix.Length > 1 ? prefix.TrimEnd('/') : prefix;
    }

    [GeneratedRegex("^(/[A-Za-z0-9._~-]+)*/?$")]
    private static partial Regex LiteralPath();
}
