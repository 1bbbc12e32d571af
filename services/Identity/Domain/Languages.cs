namespace KollegialtUtbyte.Identity.Domain;

/// <summary>The languages people are written to in: Swedish, and English where asked for.</summary>
public static class Languages
{
    public const string Swedish = "sv";
    public const string English = "en";

    /// <summary>"en", "en-GB", "EN" are English; everything else is Swedish.</summary>
    public static string Normalize(string? language) =>
        language is not null && language.Trim().StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Swedish;
}
