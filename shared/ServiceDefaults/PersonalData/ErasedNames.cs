using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.ServiceDefaults.PersonalData;

/// <summary>
/// Where free text (a draft's point, a note, a feedback summary) names an erased person, the text
/// stays and her name in it becomes <see cref="ErasedPerson.Name"/>. Matched as written (ordinal):
/// the same test in SQL and in memory.
/// </summary>
public static class ErasedNames
{
    public static string Replace(string text, string name) =>
        Names(name) ? text.Replace(name, ErasedPerson.Name, StringComparison.Ordinal) : text;

    public static string? ReplaceOptional(string? text, string name) => text is null ? null : Replace(text, name);

    public static bool Mentions(string? text, string name) =>
        Names(name) && text is not null && text.Contains(name, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="name"/> is a name to look for: not empty, not already the pseudonym.</summary>
    public static bool Names(string? name) => !string.IsNullOrWhiteSpace(name) && name != ErasedPerson.Name;
}
