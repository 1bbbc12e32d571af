namespace KollegialtUtbyte.Gateway;

/// <summary>
/// Section <c>Gateway</c>: where requests go and how hard the gateway protects the services.
/// Destinations and routes are keyed by name so that an environment (or a test) can override one
/// entry without restating the others.
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The services behind the gateway, by name (e.g. <c>regions</c>: <c>http://localhost:5102</c>).</summary>
    public Dictionary<string, DestinationOptions> Destinations { get; set; } = [];

    /// <summary>Path prefixes and the destination each one goes to; the longest matching prefix wins.</summary>
    public Dictionary<string, GatewayRouteOptions> Routes { get; set; } = [];

    /// <summary>Largest request body forwarded, unless a destination says otherwise (30 MB).</summary>
    public long MaxRequestBodySize { get; set; } = 30 * 1024 * 1024;

    /// <summary>Timeouts, retries and circuit breaking for every destination; a destination may override any of them.</summary>
    public DestinationResilienceOptions Resilience { get; set; } = new();

    public GatewayRateLimitOptions RateLimits { get; set; } = new();

    public TokenCacheOptions TokenCache { get; set; } = new();

    /// <summary>
    /// Networks (CIDR) of proxies in front of the gateway, e.g. the ingress controller. Only their
    /// X-Forwarded-For/Proto/Host are believed; empty means the gateway faces clients directly.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}

/// <summary>
/// One service behind the gateway. Its sub-section <c>Resilience</c> overrides single values of
/// <see cref="GatewayOptions.Resilience"/> for this destination (see <see cref="DestinationResilienceOptions.For"/>).
/// </summary>
public sealed class DestinationOptions
{
    /// <summary>Scheme and authority of the service, e.g. <c>http://regions:8080</c>; request paths are kept as they are.</summary>
    public string? Address { get; set; }

    /// <summary>
    /// Further replicas of the same service, each an origin like <see cref="Address"/>. Requests are
    /// spread over all addresses (power of two choices) and a replica that fails its health checks is left out.
    /// </summary>
    public List<string> Addresses { get; set; } = [];

    /// <summary>How replicas are probed; only used when the destination has more than one address.</summary>
    public DestinationHealthCheckOptions HealthCheck { get; set; } = new();

    /// <summary>
    /// Largest request body forwarded to this destination; unset means the gateway's default, or for a
    /// destination with <see cref="DocumentUploads"/> the upload limit.
    /// </summary>
    public long? MaxRequestBodySize { get; set; }

    /// <summary>
    /// The destination receives document uploads: unless <see cref="MaxRequestBodySize"/> is set, its
    /// body limit is <c>Uploads:MaxDocumentBytes</c> plus <see cref="KollegialtUtbyte.ServiceDefaults.Uploads.UploadOptions.MultipartOverhead"/>,
    /// so the limit is configured once for Feedback, the portal and the gateway.
    /// </summary>
    public bool DocumentUploads { get; set; }
}

/// <summary>Active and passive health checks of a destination's replicas.</summary>
public sealed class DestinationHealthCheckOptions
{
    /// <summary>Path each replica answers 2xx on while it can take requests.</summary>
    public string Path { get; set; } = "/health/ready";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a replica that failed requests (passive check) stays out before it gets traffic again.</summary>
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class GatewayRouteOptions
{
    /// <summary>A literal path prefix such as <c>/api/regions</c>; it matches whole segments only.</summary>
    public string? PathPrefix { get; set; }

    /// <summary>The name of an entry in <see cref="GatewayOptions.Destinations"/>.</summary>
    public string? Destination { get; set; }

    /// <summary>
    /// Forward requests under <c>/api</c> without a token. Paths outside <c>/api</c> (the portal, the
    /// token endpoint, discovery) are never checked by the gateway.
    /// </summary>
    public bool Public { get; set; }

    /// <summary>Route templates under the prefix that need no token, e.g. <c>/api/meetings/invitations/answer</c>.</summary>
    public List<string> PublicPaths { get; set; } = [];

    /// <summary>The destination serves an OpenAPI document at <c>{PathPrefix}/openapi.json</c>; the gateway lists it and lets anyone read it.</summary>
    public bool OpenApi { get; set; }
}

/// <summary>Polly settings of one destination.</summary>
public sealed class DestinationResilienceOptions
{
    /// <summary>The gateway-wide values with the destination's own <c>Resilience</c> entries laid over them.</summary>
    public static DestinationResilienceOptions For(IConfiguration gatewaySection, string destination)
    {
        var settings = new DestinationResilienceOptions();
        gatewaySection.GetSection("Resilience").Bind(settings);
        gatewaySection.GetSection($"Destinations:{destination}:Resilience").Bind(settings);
        return settings;
    }

    /// <summary>How long one attempt may take until the response headers arrive.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The same for a request with a body: the upload itself happens inside the attempt.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries of idempotent requests whose body (if any) has not been sent yet.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; later ones back off exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within <see cref="SamplingDuration"/> before the ratio counts (at least 2).</summary>
    public int MinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit rejects requests before one is let through to probe the destination.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for a TCP connection to the destination.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>How long the gateway remembers a token it found valid (never past the token's expiry).</summary>
public sealed class TokenCacheOptions
{
    /// <summary>Zero turns remembering off: every request's token is validated in full.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most tokens remembered at once.</summary>
    public int Capacity { get; set; } = 10_000;
}

public sealed class GatewayRateLimitOptions
{
    /// <summary>Requests per signed-in user (token subject), from wherever they come.</summary>
    public WindowLimit PerUser { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Requests per client address, signed in or not.</summary>
    public WindowLimit PerIp { get; set; } = new() { PermitLimit = 1200 };

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.0.0.0/8</c>) exempt from the per-address limit: the portal calls the
    /// services through the gateway on behalf of all its users, who are each limited per user.
    /// </summary>
    public List<string> ExemptNetworks { get; set; } = [];
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
