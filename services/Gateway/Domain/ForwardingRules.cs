namespace KollegialtUtbyte.Gateway.Domain;

/// <summary>What a proxy passes on and what it may repeat (RFC 9110, RFC 9112).</summary>
public static class ForwardingRules
{
    /// <summary>Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus Proxy-* credentials meant for this hop.</summary>
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    /// <summary>
    /// Request headers the gateway sets itself: the destination's Host, and the forwarding headers
    /// (a client could otherwise claim any address). <c>Expect</c> is answered by the gateway's own server.
    /// </summary>
    private static readonly HashSet<string> SetByGateway = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Expect", "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
    };

    /// <summary>Methods whose repetition has the same effect as one request (RFC 9110 §9.2.2).</summary>
    private static readonly HashSet<string> Idempotent = new(StringComparer.OrdinalIgnoreCase)
    {
        "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE",
    };

    /// <summary>The headers of one message not to pass on: the hop-by-hop ones and any its <c>Connection</c> header names.</summary>
    public static HashSet<string> HopByHopHeaders(IEnumerable<string> connectionHeaderValues)
    {
        var names = new HashSet<string>(HopByHop, StringComparer.OrdinalIgnoreCase);
        foreach (var value in connectionHeaderValues)
        {
            foreach (var token in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                names.Add(token);
            }
        }

        return names;
    }

    public static bool IsSetByGateway(string header) => SetByGateway.Contains(header);

    public static bool IsIdempotent(string method) => Idempotent.Contains(method);

    /// <summary>Status codes that say the destination itself is unwell, worth a retry and counted by the circuit breaker.</summary>
    public static bool IsTransientStatus(int status) => status is 502 or 503 or 504;
}
