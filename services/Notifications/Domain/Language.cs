namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>The languages mails are written in: Swedish unless the person prefers English.</summary>
public enum Language
{
    Swedish,
    English,
}

public static class Languages
{
    /// <summary>'en', 'en-GB' and the like mean English; anything else (or nothing) means Swedish.</summary>
    public static Language FromPreference(string? preferredLanguage) =>
        preferredLanguage?.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? Language.English : Language.Swedish;

    public static string Code(this Language language) => language == Language.English ? "en" : "sv";
}
