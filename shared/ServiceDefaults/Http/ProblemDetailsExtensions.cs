using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace KollegialtUtbyte.ServiceDefaults.Http;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Problem details for every error and JSON enums as strings, names only. Request validation from data
    /// annotations needs <c>builder.Services.AddValidation()</c> in the service's own project: the
    /// framework's source generator registers the validated types at that call site.
    /// </summary>
    public static IHostApplicationBuilder AddServiceProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        // Binding failures throw so the handler above can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => ConfigureRequestJson(o.SerializerOptions));
        return builder;
    }

    /// <summary>
    /// Enums as strings, read by their names only: <c>"kind": 9</c> would otherwise be stored as a
    /// value no member has. (Events keep the outbox's options; they are written by the services themselves.)
    /// </summary>
    public static JsonSerializerOptions ConfigureRequestJson(JsonSerializerOptions options)
    {
        if (!options.Converters.Any(c => c is EnumNamesJsonConverter))
        {
            options.Converters.Insert(0, new EnumNamesJsonConverter());
        }

        return options;
    }
}
