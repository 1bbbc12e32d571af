using System.Diagnostics;
using System.Globalization;
using System.Net;
using KollegialtUtbyte.Gateway.Domain;
using KollegialtUtbyte.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KollegialtUtbyte.Gateway.Forwarding;

/// <summary>
/// Passes one request to a destination and its answer back, both bodies streamed. The destination's
/// answer is returned as it is; only when no answer comes does the gateway speak for itself:
/// 502 when the destination fails, 503 while its circuit is open, 504 when it is too slow,
/// 413/400 when the client's body is too large or cut off.
/// </summary>
internal sealed class HttpForwarder(DestinationClients clients, IProblemDetailsService problems, ILogger<HttpForwarder> logger)
{
    public async Task ForwardAsync(HttpContext context, GatewayDestination destination)
    {
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
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "Request too large",
                $"The request body may be at most {destination.MaxRequestBodySize} bytes.");
            return;
        }

        using var request = CreateRequest(context, destination);
        HttpResponseMessage response;
        try
        {
            response = await clients.For(destination).SendAsync(request, context.RequestAborted);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; cancelling its token has already cancelled the call to the destination.
            return;
        }
        catch (Exception) when (request.Content is StreamingRequestContent { ClientFailure: { } failure })
        {
            var status = failure is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            await WriteProblemAsync(context, status, status == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request",
                status == StatusCodes.Status413PayloadTooLarge
                    ? $"The request body may be at most {destination.MaxRequestBodySize} bytes."
                    : "The request body could not be read to its end.");
            return;
        }
        catch (TimeoutRejectedException)
        {
            logger.LogWarning("{Destination} did not answer {Method} {Path} in time", destination.Name, context.Request.Method, SecretRedaction.PathAndQuery(context.Request));
            await WriteProblemAsync(context, StatusCodes.Status504GatewayTimeout, "The service did not answer in time",
                $"The service '{destination.Name}' did not answer in time. Try again later.");
            return;
        }
        catch (BrokenCircuitException broken)
        {
            await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "The service is unavailable",
                $"The service '{destination.Name}' failed repeatedly and is given time to recover. Try again later.",
                broken.RetryAfter);
            return;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            logger.LogWarning(exception, "{Destination} failed on {Method} {Path}", destination.Name, context.Request.Method, SecretRedaction.PathAndQuery(context.Request));
            await WriteProblemAsync(context, StatusCodes.Status502BadGateway, "The service failed",
                $"The service '{destination.Name}' could not be reached or gave no valid answer.");
            return;
        }

        using (response)
        {
            await CopyResponseAsync(context, response, destination);
        }
    }

    private static HttpRequestMessage CreateRequest(HttpContext context, GatewayDestination destination)
    {
        var incoming = context.Request;

        // The path as the gateway routed it (normalised, so the destination sees what was authorized).
        var target = new Uri(
            destination.Address.GetLeftPart(UriPartial.Authority) + (incoming.PathBase + incoming.Path).ToUriComponent() + incoming.QueryString.ToUriComponent(),
            UriKind.Absolute);
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };

        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? incoming.ContentLength > 0)
        {
            request.Content = new StreamingRequestContent(incoming.Body);
        }

        // With a current activity the HTTP client writes traceparent itself, naming the gateway's
        // span (a child of the caller's) as parent; without one the caller's context passes through.
        var replaceTraceContext = Activity.Current is not null;
        var notForwarded = ForwardingRules.HopByHopHeaders(incoming.Headers.Connection.OfType<string>());
        foreach (var (name, values) in incoming.Headers)
        {
            if (notForwarded.Contains(name) || ForwardingRules.IsSetByGateway(name)
                || (replaceTraceContext && IsTraceContextHeader(name)))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        if (context.Connection.RemoteIpAddress is { } client)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", client.ToString());
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        return request;
    }

    private static bool IsTraceContextHeader(string name) =>
        DistributedContextPropagator.Current.Fields.Contains(name, StringComparer.OrdinalIgnoreCase);

    private async Task CopyResponseAsync(HttpContext context, HttpResponseMessage response, GatewayDestination destination)
    {
        context.Response.StatusCode = (int)response.StatusCode;
        var connection = response.Headers.NonValidated.TryGetValues("Connection", out var values) ? values : default;
        var notForwarded = ForwardingRules.HopByHopHeaders(connection);
        foreach (var (name, headerValues) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            if (!notForwarded.Contains(name))
            {
                context.Response.Headers[name] = headerValues.ToArray();
            }
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            await body.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away while the body was on its way.
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // The status line has gone out: the only honest signal left is an aborted response.
            logger.LogWarning(exception, "{Destination} broke off its response to {Method} {Path}", destination.Name, context.Request.Method, SecretRedaction.PathAndQuery(context.Request));
            context.Abort();
        }
    }

    private async Task WriteProblemAsync(HttpContext context, int status, string title, string detail, TimeSpan? retryAfter = null)
    {
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
