using Microsoft.AspNetCore.Connections;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace KollegialtUtbyte.Gateway.Forwarding;

/// <summary>
/// One destination's resilience: retries (outermost, idempotent requests only) around a circuit
/// breaker around a per-attempt timeout. Only the destination's own failures count: a refused or
/// broken connection, a timeout, or a 502/503/504 it answers; never a client that sent too much
/// or went away.
/// </summary>
internal static class DestinationPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(string destination, DestinationResilienceOptions settings, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = destination, TimeProvider = time };

        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(MayRetry(args.Context) && IsDestinationFailure(args.Outcome)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    logger.LogInformation("Retrying {Method} to {Destination} (attempt {Attempt})", Request(args.Context).Method, destination, args.AttemptNumber + 2);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = settings.FailureRatio,
            MinimumThroughput = settings.MinimumThroughput,
            SamplingDuration = settings.SamplingDuration,
            BreakDuration = settings.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsDestinationFailure(args.Outcome)),
            OnOpened = args =>
            {
                logger.LogWarning("Circuit to {Destination} opened for {BreakDuration}", destination, args.BreakDuration);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                logger.LogInformation("Circuit to {Destination} closed", destination);
                return ValueTask.CompletedTask;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(
                Request(args.Context).Content is null ? settings.Timeout : settings.UploadTimeout),
        });

        return builder.Build();
    }

    private static HttpRequestMessage Request(ResilienceContext context) =>
        context.Properties.GetValue(ResilienceHandler.RequestKey, null!);

    /// <summary>
    /// Repeat only what is safe to repeat and can be repeated: an idempotent method without a body
    /// (a client's body is streamed once and is gone after the first attempt; an empty one is nothing to lose).
    /// </summary>
    private static bool MayRetry(ResilienceContext context)
    {
        var request = Request(context);
        return ForwardingRules.IsIdempotent(request.Method.Method)
            && (request.Content is null || request.Content.Headers.ContentLength == 0);
    }

    private static bool IsDestinationFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: { } exception } when IsClientFailure(exception) => false,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: null, Result: { } response } => ForwardingRules.IsTransientStatus((int)response.StatusCode),
        _ => false,
    };

    /// <summary>Reading the client's body failed (too large, cut off, gone): the client's fault, not the destination's.</summary>
    private static bool IsClientFailure(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is BadHttpRequestException or ConnectionResetException)
            {
                return true;
            }
        }

        return false;
    }
}
