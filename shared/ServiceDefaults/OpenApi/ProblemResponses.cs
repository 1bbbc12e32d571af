using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KollegialtUtbyte.ServiceDefaults.OpenApi;

/// <summary>
/// Documents the problems an endpoint answers outside its return type, so the OpenAPI document
/// lists them: the shared exception handler answers a missing resource with 404, a stale version
/// with 409 and a broken rule with 422; body validation answers 400 naming the fields. (401 and
/// 403 are added to every operation that needs them by <see cref="OpenApiExtensions"/>.)
/// </summary>
public static class ProblemResponses
{
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
}
