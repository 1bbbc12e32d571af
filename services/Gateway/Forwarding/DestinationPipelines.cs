using Polly;

namespace KollegialtUtbyte.Gateway.Forwarding;

/// <summary>
/// Each destination's resilience pipeline, built once at start (invalid settings stop the gateway)
/// and kept as long as the gateway runs, so that a destination's circuit survives its HTTP client.
/// </summary>
internal sealed class DestinationPipelines
{
    private readonly Dictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DestinationResilienceOptions> _settings = new(StringComparer.OrdinalIgnoreCase);

    public DestinationPipelines(RouteTable routes, IConfiguration configuration, TimeProvider time, ILoggerFactory loggers)
    {
        var gateway = configuration.GetSection(GatewayOptions.SectionName);
        var logger = loggers.CreateLogger("KollegialtUtbyte.Gateway.Resilience");
        foreach (var destination in routes.Destinations)
        {
            var settings = DestinationResilienceOptions.For(gateway, destination.Name);
            _settings[destination.Name] = settings;
            _pipelines[destination.Name] = DestinationPipeline.Create(destination.Name, settings, time, logger);
        }
    }

    public ResiliencePipeline<HttpResponseMessage> PipelineOf(string destination) => _pipelines[destination];

    public DestinationResilienceOptions ResilienceOf(string destination) => _settings[destination];
}
