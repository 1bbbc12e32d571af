namespace KollegialtUtbyte.ApiContracts;

/// <summary>
/// What a service answered: the value, or the problem it reported (status, a message a person can
/// read, and per-field errors to show next to the fields).
/// </summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;
}

public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, string? Rule)
{
    /// <summary>The answer when the service could not be reached (unreachable, timed out, open circuit).</summary>
    public static ApiProblem Unavailable { get; } = new(503, "unavailable", null, new Dictionary<string, string[]>(), null);

    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
