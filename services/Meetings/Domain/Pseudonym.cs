using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>Where free text (a draft's point, an agenda's speaker) names an erased person, the text stays and her name goes.</summary>
public static class Pseudonym
{
    public static string Replace(string text, string name) =>
        Names(name) ? text.Replace(name, ErasedPerson.Name, StringComparison.Ordinal) : text;

    public static string? ReplaceOptional(string? text, string name) => text is null ? null : Replace(text, name);

    public static bool Mentions(string? text, string name) =>
        Names(name) && text is not null && text.Contains(name, StringComparison.Ordinal);

    private static bool Names(string name) => !string.IsNullOrWhiteSpace(name) && name != ErasedPerson.Name;
}
