using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace KollegialtUtbyte.ServiceDefaults.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>Where every module's document is served; the gateway forwards it with the module's routes.</summary>
    public const string DocumentPattern = "/api/{documentName}/openapi.json";

    /// <summary>The security scheme every operation that needs a token names.</summary>
    public const string BearerScheme = "Bearer";

    private const string ProblemSchema = "ProblemDetails";

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
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token from the Identity service (/connect/token) for this service's audience.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeTokenRequirementAsync);
        });
        builder.Services.TryAddSingleton<ServiceOpenApiDocuments>();
        return builder;
    }

    /// <summary>
    /// Every endpoint needs a token unless it allows anonymous callers (the fallback policy), and the
    /// pipeline answers a missing token with 401 and a missing role with 403, both as problem details
    /// before the handler runs: the document says so, next to what the handler itself answers.
    /// </summary>
    private static async Task DescribeTokenRequirementAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || context.Document is not { } document)
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });

        if (document.Components?.Schemas?.ContainsKey(ProblemSchema) != true)
        {
            document.AddComponent<IOpenApiSchema>(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", Problem("No valid access token for this service.", document));
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
        {
            operation.Responses.TryAdd("403", Problem("The signed-in account's roles do not allow this.", document));
        }
    }

    private static OpenApiResponse Problem(string description, OpenApiDocument document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        },
    };

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
