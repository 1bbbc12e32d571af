using System.Text.RegularExpressions;

namespace KollegialtUtbyte.Regions.Domain;

/// <summary>What counts as an e-mail address here, and how two spellings of one address compare.</summary>
public static partial class EmailAddresses
{
    public const int MaxLength = 254;

    // One @, no spaces, a dot in the domain: strict enough to catch typing mistakes, loose
    // enough for every address a Swedish authority or consultancy hands out.
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();

    public static bool IsWellFormed(string? email) =>
        email is not null && email.Trim().Length <= MaxLength && WellFormed().IsMatch(email.Trim());

    /// <summary>One person per address: "Eva@Region.example" and "eva@region.example" are the same.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
