using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.ServiceDefaults.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace KollegialtUtbyte.Gateway.RateLimiting;

/// <summary>
/// Two fixed windows every request must pass: one per client address, counted before
/// authentication (the OpenID server answers its own endpoints inside that stage), and one per
/// signed-in user (the token's subject), counted once the user is known. A refused request gets
/// 429 with <c>Retry-After</c>. Health probes are never limited.
/// </summary>
internal static class GatewayRateLimiting
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, GatewayRateLimitOptions settings)
    {
        Validate("PerUser", settings.PerUser);
        Validate("PerIp", settings.PerIp);
        var exempt = settings.ExemptNetworks.Select(ParseNetwork).ToList();

        services.AddRateLimiter(options => Limit(options, PerUser(settings.PerUser), settings.PerUser.Window));
        var perAddress = new RateLimiterOptions();
        Limit(perAddress, PerAddress(settings.PerIp, exempt), settings.PerIp.Window);
        services.AddSingleton<IRunsBeforeAuthentication>(new AddressWindow(perAddress));
        return services;
    }

    private static void Limit(RateLimiterOptions options, PartitionedRateLimiter<HttpContext> limiter, TimeSpan window)
    {
        options.GlobalLimiter = limiter;
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, context.Lease, window, cancellationToken);
    }

    private sealed class AddressWindow(RateLimiterOptions options) : IRunsBeforeAuthentication
    {
        public void Use(IApplicationBuilder app) => app.UseRateLimiter(options);
    }

    private static PartitionedRateLimiter<HttpContext> PerUser(WindowLimit limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !IsHealthProbe(context) && UserOf(context) is { } user
                ? RateLimitPartition.GetFixedWindowLimiter(user, _ => WindowOptions(limit))
                : RateLimitPartition.GetNoLimiter(string.Empty));

    private static PartitionedRateLimiter<HttpContext> PerAddress(WindowLimit limit, IReadOnlyList<IPNetwork> exempt) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var address = context.Connection.RemoteIpAddress;
            if (IsHealthProbe(context) || (address is not null && exempt.Any(network => network.Contains(Normalize(address)))))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            return RateLimitPartition.GetFixedWindowLimiter(address is null ? "unknown" : Normalize(address).ToString(), _ => WindowOptions(limit));
        });

    private static string? UserOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirst(ClaimNames.Subject)?.Value ?? context.User.FindFirst(ClaimNames.ClientId)?.Value
            : null;

    private static bool IsHealthProbe(HttpContext context) => context.Request.Path.StartsWithSegments("/health");

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static FixedWindowRateLimiterOptions WindowOptions(WindowLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, TimeSpan fallback, CancellationToken cancellationToken)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : fallback;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = $"Too many requests in a short time. Try again in {seconds} seconds.",
        };
        if (!await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsync(problem.Detail, cancellationToken);
        }
    }

    private static void Validate(string name, WindowLimit limit)
    {
        if (limit.PermitLimit <= 0 || limit.Window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Gateway:RateLimits:{name} needs a positive PermitLimit and Window.");
        }
    }

    private static IPNetwork ParseNetwork(string network) =>
        IPNetwork.TryParse(network, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Gateway:RateLimits:ExemptNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
}
