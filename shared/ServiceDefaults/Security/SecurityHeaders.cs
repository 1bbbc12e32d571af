using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace KollegialtUtbyte.ServiceDefaults.Security;

/// <summary>
/// The protections a page needs in the browser: a Content-Security-Policy (by default no script or
/// style but the site's own files, none inline), no framing, no MIME sniffing, no full URLs in the
/// Referer to other sites, no powerful browser features, and HSTS in Production.
/// Endpoints opt in with <see cref="WithSecurityHeaders{TBuilder}"/> and carry their own policy, so
/// that modules sharing one process (the embedded host) each keep theirs.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Only the site's own files; no inline script or style; forms post only to the site; never framed.
    /// </summary>
    public const string DefaultContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>Features no page of the suite uses.</summary>
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private const string Registered = "KollegialtUtbyte.SecurityHeaders";

    /// <summary>
    /// The endpoint's responses carry the security headers with <paramref name="contentSecurityPolicy"/>
    /// (a page with an inline style or script lists its hash there). Needs <see cref="UseSecurityHeaders"/>.
    /// </summary>
    public static TBuilder WithSecurityHeaders<TBuilder>(this TBuilder builder, string contentSecurityPolicy = DefaultContentSecurityPolicy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SecurityHeadersPolicy(contentSecurityPolicy));

    /// <summary>
    /// Writes the headers for endpoints marked with <see cref="WithSecurityHeaders{TBuilder}"/>, and
    /// HSTS for every https response in Production. Safe to call from several modules of one host.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!((IApplicationBuilder)app).Properties.TryAdd(Registered, true))
        {
            return app;
        }

        if (app.Environment.IsProduction())
        {
            // Sent on https requests only; behind a proxy, as the trusted proxy reports the scheme.
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            // Written just before the headers go out, so pages rendered after an error carry them too.
            context.Response.OnStarting(() =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<SecurityHeadersPolicy>() is { } policy)
                {
                    var headers = context.Response.Headers;
                    headers.TryAdd("Content-Security-Policy", policy.ContentSecurityPolicy);
                    headers.TryAdd("X-Content-Type-Options", "nosniff");
                    // Antiforgery writes SAMEORIGIN; these pages are never framed at all.
                    headers.XFrameOptions = "DENY";
                    headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                    headers.TryAdd("Permissions-Policy", PermissionsPolicy);
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}

/// <summary>Endpoint metadata: this endpoint's responses carry the security headers with this policy.</summary>
public sealed record SecurityHeadersPolicy(string ContentSecurityPolicy);
