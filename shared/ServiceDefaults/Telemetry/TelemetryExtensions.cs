using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KollegialtUtbyte.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Activity sources every service exports besides the instrumented HTTP in and out:
    /// messaging, the outbox, EF Core, Npgsql and the project's own.
    /// </summary>
    public static readonly string[] ActivitySources =
    [
        "MassTransit",
        "KollegialtUtbyte.Outbox",
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "KollegialtUtbyte",
    ];

    /// <summary>Meters besides the instrumented ASP.NET Core, Kestrel and HttpClient ones.</summary>
    public static readonly string[] Meters =
    [
        "MassTransit",
        "KollegialtUtbyte.Outbox",
        "KollegialtUtbyte",
    ];

    private const string HostingLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Traces and metrics over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, spans to a
    /// JSON-lines file when <c>Telemetry:TraceFile</c> is set; JSON console
    /// logs carrying trace and span ids (plain text in Development).
    /// </summary>
    public static IHostApplicationBuilder AddServiceTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        // URLs in logs go through SecretRedaction: the hosting log (its request scope and "Request
        // starting" line carry the raw path and query) gives way to RequestLogScope, and the HTTP
        // client factory's loggers (the full URL) to one that masks it.
        builder.Logging.AddFilter(HostingLogCategory, LogLevel.None);
        builder.Services.ConfigureHttpClientDefaults(http => http
            .RemoveAllLoggers()
            .AddLogger(services => new RedactedHttpClientLogger(
                services.GetRequiredService<ILoggerFactory>().CreateLogger("System.Net.Http.HttpClient")), wrapHandlersPipeline: true));
        if (!builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "O";
            });
        }

        // The SDK listens always, exporters or not: a request keeps its activity, so log lines
        // keep their trace ids and calls onward carry the request's trace context.
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var traceFile = builder.Configuration["Telemetry:TraceFile"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource(ActivitySources)
                    .AddProcessor(new RedactingActivityProcessor());
                if (otlp)
                {
                    t.AddOtlpExporter();
                }

                if (!string.IsNullOrWhiteSpace(traceFile))
                {
                    t.AddProcessor(new SimpleActivityExportProcessor(new JsonLinesActivityExporter(traceFile, serviceName)));
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(Meters);
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        return builder;
    }
}
