namespace KollegialtUtbyte.Gateway.Domain;

/// <summary>What a proxy passes on, what it may repeat and what counts as a destination's own failure (RFC 9110).</summary>
public static class ForwardingRules
{
    /// <summary>Methods whose repetition has the same effect as one request (RFC 9110 §9.2.2).</summary>
    private static readonly HashSet<string> Idempotent = new(StringComparer.OrdinalIgnoreCase)
    {
        "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE",
    };

    /// <summary>
    /// Headers a message's <c>Connection</c> header names: like the standard hop-by-hop headers they
    /// describe one connection and are not passed on (RFC 9110 §7.6.1).
    /// </summary>
    public static IEnumerable<string> NamedInConnection(IEnumerable<string?> connectionHeaderValues) =>
        connectionHeaderValues
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(token => !string.Equals(token, "close", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(token, "keep-alive", StringComparison.OrdinalIgnoreCase));

    public static bool IsIdempotent(string method) => Idempotent.Contains(method);

    /// <summary>Status codes that say the destination itself is unwell, worth a retry and counted by the circuit breaker.</summary>
    public static bool IsTransientStatus(int status) => status is 502 or 503 or 504;
}
