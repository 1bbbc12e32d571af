using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace KollegialtUtbyte.ServiceDefaults.Telemetry;

/// <summary>
/// Takes the secrets out of a URL before it reaches a log line or a span: the values of query
/// parameters that carry secrets, and the path segments of the routes that carry one (a calendar
/// feed's address is its own secret, because calendar apps cannot send tokens). Each becomes
/// <see cref="Mask"/>. Works on absolute URLs, paths with or without a query, and span names.
/// </summary>
public static class SecretRedaction
{
    public const string Mask = "***";

    /// <summary>Query parameters whose values are secrets wherever they appear (link tokens, OAuth codes and tokens).</summary>
    public static readonly FrozenSet<string> SecretQueryParameters = new[]
    {
        "token", "code", "refresh_token", "access_token", "id_token", "password", "key", "secret",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Routes with a secret in their path, one place for all services (the gateway forwards them
    /// without knowing the services' endpoints). <c>{secret}</c> stands for the segment that is
    /// masked; the other segments match literally, ignoring case, wherever the sequence occurs.
    /// </summary>
    public static readonly IReadOnlyList<string> SecretRoutes =
    [
        "/api/meetings/calendar/feeds/{secret}",
    ];

    private const string SecretSegment = "{secret}";

    private static readonly string[][] SecretRouteSegments =
        [.. SecretRoutes.Select(route => route.Trim('/').Split('/'))];

    /// <summary>The request's path and query as they may be logged.</summary>
    public static string PathAndQuery(HttpRequest request) =>
        Redact((request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent());

    /// <summary>A URL, a path (with or without its query) or a span name with the secrets masked.</summary>
    public static string Redact(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return url ?? "";
        }

        var fragmentAt = url.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = fragmentAt < 0 ? url : url[..fragmentAt];
        var queryAt = withoutFragment.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? withoutFragment : withoutFragment[..queryAt];
        var query = queryAt < 0 ? null : withoutFragment[(queryAt + 1)..];
        var redacted = RedactPath(path);
        return query is null ? redacted : redacted + "?" + RedactQuery(query);
    }

    private static string RedactPath(string path)
    {
        if (!path.Contains('/', StringComparison.Ordinal))
        {
            return path;
        }

        var segments = path.Split('/');
        var changed = false;
        foreach (var route in SecretRouteSegments)
        {
            for (var start = 0; start + route.Length <= segments.Length; start++)
            {
                if (Matches(segments, start, route))
                {
                    for (var i = 0; i < route.Length; i++)
                    {
                        if (route[i] == SecretSegment && segments[start + i].Length > 0)
                        {
                            segments[start + i] = Mask;
                            changed = true;
                        }
                    }
                }
            }
        }

        return changed ? string.Join('/', segments) : path;
    }

    private static bool Matches(string[] segments, int start, string[] route)
    {
        for (var i = 0; i < route.Length; i++)
        {
            if (route[i] != SecretSegment && !string.Equals(route[i], segments[start + i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static string RedactQuery(string query)
    {
        var result = new StringBuilder(query.Length);
        foreach (var pair in query.Split('&'))
        {
            if (result.Length > 0)
            {
                result.Append('&');
            }

            var equalsAt = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equalsAt < 0 ? pair : pair[..equalsAt];
            result.Append(equalsAt >= 0 && SecretQueryParameters.Contains(Uri.UnescapeDataString(name.Replace('+', ' ')))
                ? name + "=" + Mask
                : pair);
        }

        return result.ToString();
    }
}
