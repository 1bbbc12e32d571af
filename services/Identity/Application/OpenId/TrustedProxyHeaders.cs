using System.Net;
using Microsoft.Extensions.Primitives;

namespace KollegialtUtbyte.Identity.Application.OpenId;

/// <summary>
/// What a trusted proxy (<c>Identity:TrustedProxies</c>, loopback by default: the gateway on the
/// same machine) says about the caller: the address it used (<c>X-Forwarded-Proto</c>,
/// <c>X-Forwarded-Host</c>) and its own address (<c>X-Forwarded-For</c>). From anyone else these
/// headers are ignored.
/// </summary>
public sealed class TrustedProxyHeaders(IOptions<IdentityOptions> settings)
{
    private static readonly string[] Loopback = ["127.0.0.0/8", "::1/128"];

    private readonly IReadOnlyList<IPNetwork> _trusted = (settings.Value.TrustedProxies.Count > 0 ? settings.Value.TrustedProxies : [.. Loopback])
        .Select(text => IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"Identity:TrustedProxies: '{text}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."))
        .ToList();

    /// <summary>The scheme and host the caller used, if a trusted proxy said so.</summary>
    public string? PublicBaseUrl(HttpRequest request)
    {
        if (!FromTrustedProxy(request))
        {
            return null;
        }

        var proto = LastValue(request.Headers["X-Forwarded-Proto"]);
        var host = LastValue(request.Headers["X-Forwarded-Host"]);
        if (proto is not ("http" or "https") || host is null ||
            !Uri.TryCreate($"{proto}://{host}", UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return $"{proto}://{host}{request.PathBase}".TrimEnd('/');
    }

    /// <summary>The caller's address: the one a trusted proxy forwarded for, else the connection's.</summary>
    public IPAddress? ClientAddress(HttpRequest request)
    {
        var remote = request.HttpContext.Connection.RemoteIpAddress;
        return FromTrustedProxy(request) && IPAddress.TryParse(LastValue(request.Headers["X-Forwarded-For"]), out var forwarded)
            ? forwarded
            : remote;
    }

    private bool FromTrustedProxy(HttpRequest request) =>
        request.HttpContext.Connection.RemoteIpAddress is { } remote &&
        _trusted.Any(n => n.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote));

    // The last value is the one the nearest proxy (the trusted one) added.
    private static string? LastValue(StringValues values) =>
        values.Count == 0 ? null : values[^1]?.Split(',').Select(v => v.Trim()).LastOrDefault(v => v.Length > 0);
}
