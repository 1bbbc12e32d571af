using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using KollegialtUtbyte.Regions.Domain;

namespace KollegialtUtbyte.Regions.Api;

/// <summary>An e-mail address as the directory accepts it (see <see cref="EmailAddresses"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EmailFormatAttribute() : ValidationAttribute("Ange en giltig e-postadress, t.ex. namn@region.se.")
{
    public override bool IsValid(object? value) => value is null || (value is string email && EmailAddresses.IsWellFormed(email));
}

/// <summary>A phone number: digits with optional +, spaces, dashes and parentheses (e.g. 0470-58 30 85).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed partial class PhoneFormatAttribute() : ValidationAttribute("Ange telefonnumret med siffror, t.ex. 0470-58 30 85 eller +46 470 58 30 85.")
{
    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,38}$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    public override bool IsValid(object? value) => value is null || (value is string phone && (phone.Length == 0 || Phone().IsMatch(phone.Trim())));
}
