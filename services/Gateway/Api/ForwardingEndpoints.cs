using KollegialtUtbyte.Gateway.Domain;
using KollegialtUtbyte.Gateway.Forwarding;
using Microsoft.AspNetCore.Mvc;

namespace KollegialtUtbyte.Gateway.Api;

/// <summary>
/// One endpoint per route (every method, everything under the prefix), so that routing picks the
/// longest prefix and authorization is decided per route: a token for <c>/api/**</c> unless the
/// route or one of its public paths says otherwise. Services check the token again.
/// </summary>
public static class ForwardingEndpoints
{
    public static IEndpointRouteBuilder MapForwarding(this IEndpointRouteBuilder app, RouteTable routes)
    {
        foreach (var route in routes.Routes)
        {
            var destination = route.Destination;
            RequestDelegate forward = context =>
                context.RequestServices.GetRequiredService<HttpForwarder>().ForwardAsync(context, destination);

            var everything = app.Map(route.PathPrefix == "/" ? "/{**path}" : route.PathPrefix + "/{**path}", forward)
                .WithDisplayName($"Forward {route.PathPrefix} to {destination.Name}");
            if (route.RequiresToken)
            {
                everything.RequireAuthorization();
            }
            else
            {
                everything.AllowAnonymous();
            }

            foreach (var publicPath in route.PublicPaths)
            {
                app.Map(publicPath, forward).AllowAnonymous().WithDisplayName($"Forward {publicPath} to {destination.Name} (public)");
            }

            if (route.OpenApiDocument is { } document)
            {
                app.MapMethods(document, [HttpMethods.Get, HttpMethods.Head], forward).AllowAnonymous()
                    .WithDisplayName($"Forward {document} to {destination.Name} (public)");
            }
        }

        // Under /api nothing else answers; only signed-in callers learn that.
        app.Map(RouteTable.ApiPrefix + "/{**path}", NotRoutedAsync).RequireAuthorization();
        return app;
    }

    private static Task NotRoutedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found",
                Detail = $"No service answers at {context.Request.Path}.",
            },
        }).AsTask();
    }
}
