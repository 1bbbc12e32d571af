using Yarp.ReverseProxy.Forwarder;

namespace KollegialtUtbyte.Gateway.Forwarding;

/// <summary>
/// YARP's HTTP client of each destination (cluster), with that destination's resilience pipeline
/// (retries, circuit breaker, timeout) between the forwarder and the connection pool.
/// </summary>
internal sealed class ResilientHttpClientFactory(DestinationPipelines pipelines, ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = pipelines.ResilienceOf(context.ClusterId).ConnectTimeout;

        // New connections now and then pick up changed DNS entries (a rescheduled pod).
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2);
    }

    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new ResilienceHandler(pipelines.PipelineOf(context.ClusterId)) { InnerHandler = base.WrapHandler(context, handler) };
}
