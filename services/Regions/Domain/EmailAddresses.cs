namespace KollegialtUtbyte.Regions.Domain;

/// <summary>What counts as an e-mail address here, and how two spellings of one address compare.</summary>
public static class EmailAddresses
{
    public const int MaxLength = RegionsLimits.EmailMaxLength;

    /// <summary>The rule the API validates requests with (<see cref="EmailFormatAttribute"/>), so both accept the same addresses.</summary>
    public static bool IsWellFormed(string? email) => EmailFormatAttribute.IsWellFormed(email);

    /// <summary>One person per address: "Eva@Region.example" and "eva@region.example" are the same.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
