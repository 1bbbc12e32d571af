using KollegialtUtbyte.ServiceDefaults.OpenApi;
using KollegialtUtbyte.ServiceDefaults.Security;
using Scalar.AspNetCore;

namespace KollegialtUtbyte.Gateway.Api;

/// <summary>
/// The API reference for integrators (Scalar) over the services' OpenAPI documents, each read
/// through the gateway. Public: it is documentation; calls from it need a token like any other.
/// </summary>
public static class ApiDocumentsEndpoints
{
    /// <summary>
    /// The page's policy: Scalar's own files from the gateway, its inline start script only with the
    /// request's nonce, inline styles (the reference sets them at run time), no fonts or calls to other sites.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IEndpointRouteBuilder MapApiDocuments(this IEndpointRouteBuilder app, RouteTable routes)
    {
        var documented = routes.Routes.Where(r => r.OpenApiDocument is not null).OrderBy(r => r.PathPrefix, StringComparer.Ordinal).ToList();
        app.MapScalarApiReference(RouteTable.DocumentsPage, options =>
            {
                options.WithTitle("API-dokumentation – Kollegialt utbyte")
                    .WithNonce()
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    .HideDeveloperTools()
                    .WithDefaultHttpClient(ScalarTarget.Shell, ScalarClient.Curl)

                    // A document named in the page's address (/api/docs/regions) is read where every service serves it.
                    .WithOpenApiRoutePattern(OpenApiExtensions.DocumentPattern);
                var first = true;
                foreach (var route in documented)
                {
                    options.AddDocument(route.Destination.Name, $"{route.Destination.Name} ({route.PathPrefix})", route.OpenApiDocument!, isDefault: first);
                    first = false;
                }
            })
            .AllowAnonymous()
            .WithSecurityHeaders()
            .WithMetadata(new NoncedContentSecurityPolicy());
        return app;
    }

    /// <summary>
    /// Writes the page's policy with the nonce Scalar put on its script tags for this response; the
    /// other security headers come from <see cref="SecurityHeaders.UseSecurityHeaders"/>, which keeps it.
    /// </summary>
    public static WebApplication UseApiDocumentsPolicy(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<NoncedContentSecurityPolicy>() is not null)
            {
                context.Response.OnStarting(() =>
                {
                    // Scalar's static files carry no nonce; the policy without one still lets only the gateway's own scripts run.
                    var nonce = context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var value) && value is string { Length: > 0 } given
                        ? given
                        : "none";
                    context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        return app;
    }

    private sealed class NoncedContentSecurityPolicy;
}
