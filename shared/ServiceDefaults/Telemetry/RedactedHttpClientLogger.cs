using System.Diagnostics;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.ServiceDefaults.Telemetry;

/// <summary>
/// Logs each request of an <c>IHttpClientFactory</c> client once, in place of the factory's own
/// loggers, which write the full URL (secret path segments included).
/// </summary>
internal sealed class RedactedHttpClientLogger(ILogger logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        logger.LogInformation("{Method} {Uri} answered {StatusCode} in {ElapsedMilliseconds} ms",
            request.Method, SecretRedaction.Redact(request.RequestUri?.ToString()), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        logger.LogWarning(exception, "{Method} {Uri} failed after {ElapsedMilliseconds} ms",
            request.Method, SecretRedaction.Redact(request.RequestUri?.ToString()), elapsed.TotalMilliseconds);
}
