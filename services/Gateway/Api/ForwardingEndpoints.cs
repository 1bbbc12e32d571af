using KollegialtUtbyte.Gateway.Forwarding;
using Microsoft.AspNetCore.Mvc;

namespace KollegialtUtbyte.Gateway.Api;

/// <summary>
/// YARP's routes (one per prefix, public path and OpenAPI document; see <see cref="ProxyConfiguration"/>)
/// behind the gateway's own first step, and a 404 for everything else under <c>/api</c>. Routing
/// picks the longest prefix; authorization is decided per route. Services check the token again.
/// </summary>
public static class ForwardingEndpoints
{
    public static IEndpointRouteBuilder MapForwarding(this IEndpointRouteBuilder app)
    {
        var errors = app.ServiceProvider.GetRequiredService<ForwardingErrors>();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use((context, next) => errors.InvokeAsync(context, () => next(context)));
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });

        return app.MapNotRouted();
    }

    /// <summary>Under <c>/api</c> nothing else answers; only signed-in callers learn that.</summary>
    public static IEndpointRouteBuilder MapNotRouted(this IEndpointRouteBuilder app)
    {
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
