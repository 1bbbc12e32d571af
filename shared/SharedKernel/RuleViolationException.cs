namespace KollegialtUtbyte.SharedKernel;

/// <summary>
/// A business rule refused a change. <see cref="Rule"/> is a stable, machine-readable name
/// (e.g. <c>meeting.outside-programme-period</c>); the API answers 422 naming it.
/// </summary>
public class RuleViolationException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>The addressed resource does not exist (answered with 404).</summary>
public class ResourceNotFoundException(string resource, object id)
    : Exception($"{resource} '{id}' was not found.")
{
    public string Resource { get; } = resource;
}
