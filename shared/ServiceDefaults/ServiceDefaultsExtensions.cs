using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults.Http;
using KollegialtUtbyte.ServiceDefaults.OpenApi;
using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.ServiceDefaults.Security;
using KollegialtUtbyte.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace KollegialtUtbyte.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Telemetry, logging, problem details, validation, JWT authentication, health checks.
    /// A service then adds its module (database, endpoints, consumers) and messaging.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddServiceTelemetry(serviceName);
        builder.AddServiceProblemDetails();
        builder.AddServiceAuthentication();
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>
    /// Error handling, authentication and the health endpoints, in the order they must run, and the
    /// modules' OpenAPI documents when any module added one (<c>AddServiceOpenApi</c>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseRedactedRequestLogScope();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        foreach (var stage in app.Services.GetServices<IRunsBeforeAuthentication>())
        {
            stage.Use(app);
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEnumNamesOnly();

        // Live: the process answers. Ready: its database and broker answer too.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = WriteHealthReport,
        }).AllowAnonymous();
        app.MapServiceOpenApi();
        return app;
    }

    private static Task WriteHealthReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
