using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.ServiceDefaults.Telemetry;

/// <summary>
/// The scope every log line of a request carries (request id and path), as ASP.NET Core's hosting
/// log writes it but with the secrets masked. The hosting log itself is switched off in
/// <see cref="TelemetryExtensions.AddServiceTelemetry"/>: its scope and its "Request starting" line hold the raw path and query.
/// </summary>
internal static class RequestLogScope
{
    public static IApplicationBuilder UseRedactedRequestLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("KollegialtUtbyte.Requests");
        return app.Use(async (context, next) =>
        {
            using (logger.BeginScope(new Dictionary<string, object?>
            {
                ["RequestId"] = context.TraceIdentifier,
                ["RequestPath"] = SecretRedaction.Redact((context.Request.PathBase + context.Request.Path).ToUriComponent()),
            }))
            {
                await next(context);
            }
        });
    }
}
