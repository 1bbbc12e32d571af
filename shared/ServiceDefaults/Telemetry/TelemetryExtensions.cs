using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KollegialtUtbyte.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Activity sources every service exports: HTTP in and out, messaging, the outbox, EF Core.</summary>
    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "MassTransit",
        "KollegialtUtbyte.Outbox",
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "KollegialtUtbyte",
    ];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "MassTransit",
        "KollegialtUtbyte.Outbox",
        "KollegialtUtbyte",
    ];

    private const string HostingLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// ASP.NET Core starts a request's activity only for a listener or its (now silent) hosting log.
    /// This listener keeps one without an exporter too: log lines keep their trace ids and calls
    /// onward carry the request's trace context. Exporters' own listeners decide what is recorded.
    /// </summary>
    private static readonly Lazy<ActivityListener> RequestActivities = new(() =>
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    });

    /// <summary>
    /// Traces and metrics over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, spans to a
    /// JSON-lines file when <c>Telemetry:TraceFile</c> is set; JSON console
    /// logs carrying trace and span ids (plain text in Development).
    /// </summary>
    public static IHostApplicationBuilder AddServiceTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        // Without this switch ASP.NET Core's server spans carry no http.* tags.
        AppContext.SetSwitch("Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData", false);

        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        // URLs in logs go through SecretRedaction: the hosting log (its request scope and "Request
        // starting" line carry the raw path and query) gives way to RequestLogScope, and the HTTP
        // client factory's loggers (the full URL) to one that masks it.
        builder.Logging.AddFilter(HostingLogCategory, LogLevel.None);
        _ = RequestActivities.Value;
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

        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var traceFile = builder.Configuration["Telemetry:TraceFile"];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(traceFile))
        {
            return builder;
        }

        builder.Services.AddSingleton(_ => OpenTelemetrySdk.Create(otel => otel
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddSource(ActivitySources);
                t.AddProcessor(new RedactingActivityProcessor());
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    t.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
                }

                if (!string.IsNullOrWhiteSpace(traceFile))
                {
                    t.AddProcessor(new SimpleActivityExportProcessor(new JsonLinesActivityExporter(traceFile, serviceName)));
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Meters);
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
                }
            })));
        builder.Services.AddHostedService<TelemetryStarter>();
        return builder;
    }

    /// <summary>Creates the SDK at start (it is a lazily resolved singleton) and disposes it, flushing, at stop.</summary>
    private sealed class TelemetryStarter(OpenTelemetrySdk sdk) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = sdk.TracerProvider;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            sdk.TracerProvider.ForceFlush(2000);
            sdk.MeterProvider.ForceFlush(2000);
            return Task.CompletedTask;
        }
    }
}
