using System.Globalization;
using KollegialtUtbyte.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace KollegialtUtbyte.Gateway.Forwarding;

/// <summary>
/// The first step of YARP's pipeline: applies the destination's body limit before anything is
/// sent, and when no answer came from the destination, speaks for it with problem details:
/// 502 when it fails, 503 while its circuit is open, 504 when it is too slow, 413/400 when the
/// client's body is too large or cut off. A destination's own answer is passed on untouched.
/// </summary>
internal sealed class ForwardingErrors(RouteTable routes, IProblemDetailsService problems, ILogger<ForwardingErrors> logger)
{
    private readonly Dictionary<string, GatewayDestination> _destinations =
        routes.Destinations.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var destination = _destinations[context.GetReverseProxyFeature().Cluster.Config.ClusterId];

        // The destination's error responses go back untouched, not replaced by the gateway's pages.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySizeLimit)
        {
            bodySizeLimit.MaxRequestBodySize = destination.MaxRequestBodySize;
        }

        if (context.Request.ContentLength > destination.MaxRequestBodySize)
        {
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "Request too large", TooLarge(destination));
            return;
        }

        await next();

        if (context.Features.Get<IForwarderErrorFeature>() is not { } error || context.Response.HasStarted)
        {
            return;
        }

        await AnswerForAsync(context, destination, error);
    }

    private Task AnswerForAsync(HttpContext context, GatewayDestination destination, IForwarderErrorFeature error)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the call to the destination was cancelled with it.
            return Task.CompletedTask;
        }

        if (error.Error is ForwarderError.RequestBodyClient)
        {
            var status = context.Response.StatusCode;
            return status == StatusCodes.Status413PayloadTooLarge
                ? WriteProblemAsync(context, status, "Request too large", TooLarge(destination))
                : WriteProblemAsync(context, status, "Bad request", "The request body could not be read to its end.");
        }

        if (Find<BrokenCircuitException>(error.Exception) is { } broken)
        {
            return WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "The service is unavailable",
                $"The service '{destination.Name}' failed repeatedly and is given time to recover. Try again later.",
                broken.RetryAfter);
        }

        if (Find<TimeoutRejectedException>(error.Exception) is not null || error.Error is ForwarderError.RequestTimedOut)
        {
            logger.LogWarning("{Destination} did not answer {Method} {Path} in time", destination.Name, context.Request.Method, SecretRedaction.PathAndQuery(context.Request));
            return WriteProblemAsync(context, StatusCodes.Status504GatewayTimeout, "The service did not answer in time",
                $"The service '{destination.Name}' did not answer in time. Try again later.");
        }

        logger.LogWarning(error.Exception, "{Destination} failed on {Method} {Path} ({Error})", destination.Name, context.Request.Method, SecretRedaction.PathAndQuery(context.Request), error.Error);
        return WriteProblemAsync(context, StatusCodes.Status502BadGateway, "The service failed",
            $"The service '{destination.Name}' could not be reached or gave no valid answer.");
    }

    private static string TooLarge(GatewayDestination destination) =>
        $"The request body may be at most {destination.MaxRequestBodySize} bytes.";

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        var pending = new Stack<Exception>();
        if (exception is not null)
        {
            pending.Push(exception);
        }

        while (pending.TryPop(out var current))
        {
            if (current is T found)
            {
                return found;
            }

            if (current is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return null;
    }

    private async Task WriteProblemAsync(HttpContext context, int status, string title, string detail, TimeSpan? retryAfter = null)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (retryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
        if (!written)
        {
            await context.Response.WriteAsync(detail, context.RequestAborted);
        }
    }
}
