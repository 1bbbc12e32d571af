using KollegialtUtbyte.Gateway.Domain;
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
    public static ResiliencePipeline<HttpResponseMessage> Create(string destination, ResilienceSettings settings, TimeProvider time, ILogger logger)
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
                ShouldHandle = args => ValueTask.FromResult(MayRetry(args.Context) && IsDestinationFailure(args.Outcome, args.Context)),
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
            ShouldHandle = args => ValueTask.FromResult(IsDestinationFailure(args.Outcome, args.Context)),
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

    /// <summary>Repeat only what is safe to repeat and can be repeated: an idempotent method whose body was not sent.</summary>
    private static bool MayRetry(ResilienceContext context)
    {
        var request = Request(context);
        return ForwardingRules.IsIdempotent(request.Method.Method)
            && request.Content is null or StreamingRequestContent { Started: false };
    }

    private static bool IsDestinationFailure(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (Request(context).Content is StreamingRequestContent { ClientFailure: not null })
        {
            return false;
        }

        return outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Exception: null, Result: { } response } => ForwardingRules.IsTransientStatus((int)response.StatusCode),
            _ => false,
        };
    }
}
