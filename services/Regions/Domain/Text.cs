namespace KollegialtUtbyte.Regions.Domain;

/// <summary>Small text helpers shared by the aggregates.</summary>
internal static class Text
{
    /// <summary>
    /// Lower-cased text that list filters search in. Kept in a column of its own because neither
    /// SQLite nor PostgreSQL compares non-ASCII letters (Å, Ä, Ö) case-insensitively by default.
    /// </summary>
    public static string SearchTextOf(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())).ToLowerInvariant();

    public static string Required(string? value, string rule, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new SharedKernel.RuleViolationException(rule, message) : value.Trim();

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
