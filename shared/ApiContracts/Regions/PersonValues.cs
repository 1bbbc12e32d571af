using System.Text.RegularExpressions;

namespace KollegialtUtbyte.Regions.ApiContracts;

/// <summary>Languages the suite writes to people in.</summary>
public static class Languages
{
    public const string Swedish = "sv";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Swedish, English];
}

/// <summary>
/// Self-declared gender, optional. Used only for participation statistics shown aggregated
/// (the regions report on gender-equal regional growth); never shown next to a name to others.
/// </summary>
public static class Genders
{
    public const string Woman = "woman";
    public const string Man = "man";
    public const string NonBinary = "non-binary";

    public static readonly IReadOnlyList<string> All = [Woman, Man, NonBinary];
}

/// <summary>An e-mail address as the directory accepts it: one @, no spaces, a dot in the domain.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed partial class EmailFormatAttribute() : ValidationAttribute("Ange en giltig e-postadress, t.ex. namn@region.se.")
{
    // Strict enough to catch typing mistakes, loose enough for every address a Swedish
    // authority or consultancy hands out.
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();

    public static bool IsWellFormed(string? email) =>
        email is not null && email.Trim().Length <= RegionsLimits.EmailMaxLength && WellFormed().IsMatch(email.Trim());

    public override bool IsValid(object? value) => value is null || (value is string email && IsWellFormed(email));
}

/// <summary>A phone number: digits with optional +, spaces, dashes and parentheses (e.g. 0470-58 30 85).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed partial class PhoneFormatAttribute() : ValidationAttribute("Ange telefonnumret med siffror, t.ex. 0470-58 30 85 eller +46 470 58 30 85.")
{
    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,38}$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    public override bool IsValid(object? value) => value is null || (value is string phone && (phone.Length == 0 || Phone().IsMatch(phone.Trim())));
}
