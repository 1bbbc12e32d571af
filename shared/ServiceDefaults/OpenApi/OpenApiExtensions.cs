using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KollegialtUtbyte.ServiceDefaults.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>Where every module's document is served; the gateway forwards it with the module's routes.</summary>
    public const string DocumentPattern = "/api/{documentName}/openapi.json";

    /// <summary>
    /// An OpenAPI document named <paramref name="name"/> holding only the endpoints under
    /// <c>/api/{name}</c>, served at <c>/api/{name}/openapi.json</c> by <c>MapDefaultEndpoints</c>.
    /// Each module calls it once, so the embedded host serves one document per module.
    /// </summary>
    public static IHostApplicationBuilder AddServiceOpenApi(this IHostApplicationBuilder builder, string name)
    {
        var prefix = $"api/{name}";
        builder.Services.AddOpenApi(name, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath is { } path
                && path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (path.Length == prefix.Length || path[prefix.Length] == '/');
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = $"Kollegialt utbyte: {name}";

                // No server URL: clients resolve paths against wherever they fetched the document,
                // directly from the service or through the gateway.
                document.Servers?.Clear();
                return Task.CompletedTask;
            });
        });
        builder.Services.TryAddSingleton<ServiceOpenApiDocuments>();
        return builder;
    }

    /// <summary>Maps the documents once, however many modules registered one.</summary>
    internal static IEndpointRouteBuilder MapServiceOpenApi(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<ServiceOpenApiDocuments>() is not null)
        {
            // Ahead of the modules' own routes, so that e.g. /api/meetings/{meetingId} does not take it.
            app.MapOpenApi(DocumentPattern).AllowAnonymous().WithOrder(-1);
        }

        return app;
    }

    /// <summary>Marks that at least one module asked for a document.</summary>
    private sealed class ServiceOpenApiDocuments;
}
