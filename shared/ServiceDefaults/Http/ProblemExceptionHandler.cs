using KollegialtUtbyte.ServiceDefaults.Paging;
using KollegialtUtbyte.ServiceDefaults.Telemetry;
using KollegialtUtbyte.SharedKernel;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace KollegialtUtbyte.ServiceDefaults.Http;

/// <summary>
/// Turns exceptions into RFC 9457 problem details. Client mistakes get the 4xx they deserve with
/// a detail that says what is wrong; only genuine faults are 500, without internals.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        var problem = exception switch
        {
            RuleViolationException rule => Problem(StatusCodes.Status422UnprocessableEntity, "A rule was not met", rule.Message, ("rule", rule.Rule)),
            ResourceNotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Changed by someone else",
                "The resource was changed after you read it. Reload it and apply your change again."),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { } field } json } badRequest =>
                FieldProblem(field, json.Message, DetailOf(badRequest)),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, ReasonOf(badRequest.StatusCode), DetailOf(badRequest)),
            PageOutOfRangeException page => FieldProblem(page.Field, page.Message, page.Message),
            _ when IsDatabaseUnavailable(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable",
                "The service cannot reach its database right now; try again shortly."),
            _ => null,
        };

        if (problem?.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable for {Method} {Path}", httpContext.Request.Method, SecretRedaction.PathAndQuery(httpContext.Request));
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, SecretRedaction.PathAndQuery(httpContext.Request));
            problem = Problem(StatusCodes.Status500InternalServerError, "Something went wrong on our side", "The error has been logged.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>How long a client should wait after a 503 before trying again: about a database restart.</summary>
    private const int RetryAfterSeconds = 5;

    /// <summary>
    /// A database that cannot be reached or is restarting (the provider calls the error transient,
    /// or EF Core's retries ran out), anywhere in the chain: EF Core wraps it in its own exceptions.
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Data.Common.DbException { IsTransient: true } or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException)
            {
                return true;
            }
        }

        return false;
    }

    private static ProblemDetails Problem(int status, string title, string detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>A 400 whose <c>errors</c> name the field, as the framework's own validation problems do.</summary>
    private static HttpValidationProblemDetails FieldProblem(string field, string error, string detail) =>
        new(new Dictionary<string, string[]> { [field] = [error] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
            Detail = detail,
        };

    // The framework's message names the parameter; the inner JSON error says where the body is wrong.
    private static string DetailOf(BadHttpRequestException exception) =>
        exception.InnerException is System.Text.Json.JsonException json
            ? $"{exception.Message} {json.Message}"
            : exception.Message;

    private static string ReasonOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };
}
