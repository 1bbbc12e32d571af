using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace KollegialtUtbyte.Meetings.Api;

/// <summary>
/// Documents the problems an endpoint answers outside its return type, so the OpenAPI document
/// lists them: the shared exception handler answers a missing resource with 404, a stale version
/// with 409 and a broken rule with 422; body validation answers 400 naming the fields; and
/// authentication and authorization answer 401 and 403 (as problem details, by the status code pages).
/// </summary>
internal static class ProblemResponses
{
    private const string ProblemContentType = "application/problem+json";

    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            if (status == StatusCodes.Status400BadRequest)
            {
                builder.ProducesValidationProblem();
            }
            else
            {
                builder.ProducesProblem(status);
            }
        }

        return builder;
    }

    /// <summary>
    /// 401 on every endpoint that needs a token and 403 on those behind a policy or role. Runs after
    /// the endpoints' own conventions, when their authorization metadata is known.
    /// </summary>
    public static TBuilder ProducesAuthorizationProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            Add(endpoint, StatusCodes.Status401Unauthorized);
            if (endpoint.Metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            {
                Add(endpoint, StatusCodes.Status403Forbidden);
            }
        });
        return builder;
    }

    private static void Add(EndpointBuilder endpoint, int status)
    {
        if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemContentType]));
        }
    }
}
