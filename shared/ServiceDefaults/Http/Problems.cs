using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KollegialtUtbyte.ServiceDefaults.Http;

/// <summary>Problem answers handlers return themselves, built the same way in every service.</summary>
public static class Problems
{
    /// <summary>403: the caller is signed in but may not see or do this; <paramref name="detail"/> says why.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}
