using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>What a registry number may be built from (seed 004 ends with "Diarienumr: 800-4609-2019").</summary>
public sealed record RegistryNumberContext(int Year, int MeetingNumber, int Revision, int Sequence = 0);

/// <summary>
/// A configurable registry number pattern such as <c>KU-{year}-{seq:000}</c>. Placeholders:
/// <c>{year}</c> (year of approval), <c>{seq}</c> (running number within the programme, required
/// so numbers are unique), <c>{meeting}</c> (meeting number), <c>{revision}</c> (documentation
/// version); each may take a .NET numeric format after a colon.
/// </summary>
public sealed partial class RegistryNumberPattern
{
    public const string Default = "KU-{year}-{seq:000}";

    /// <summary>What the documentation's registry number column holds.</summary>
    public const int MaxLength = 64;

    private readonly string _pattern;

    public RegistryNumberPattern(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new ArgumentException("The registry number pattern is empty.", nameof(pattern));
        }

        var placeholders = Placeholder().Matches(pattern).Select(m => m.Groups["name"].Value).ToList();
        var unknown = placeholders.Where(p => p is not ("year" or "seq" or "meeting" or "revision")).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown placeholder(s) in the registry number pattern: {string.Join(", ", unknown)}.", nameof(pattern));
        }

        if (!placeholders.Contains("seq"))
        {
            throw new ArgumentException("The registry number pattern needs {seq}, or numbers would repeat within a programme.", nameof(pattern));
        }

        _pattern = pattern;
        if (Format(new RegistryNumberContext(9999, 99, 99, 99999)).Length > MaxLength)
        {
            throw new ArgumentException($"Registry numbers from this pattern can be longer than {MaxLength} characters.", nameof(pattern));
        }
    }

    public string Format(RegistryNumberContext context)
    {
        var result = Placeholder().Replace(_pattern, match =>
        {
            var value = match.Groups["name"].Value switch
            {
                "year" => context.Year,
                "seq" => context.Sequence,
                "meeting" => context.MeetingNumber,
                _ => context.Revision,
            };
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            return value.ToString(format, CultureInfo.InvariantCulture);
        });
        return result.Normalize(NormalizationForm.FormC);
    }

    public override string ToString() => _pattern;

    [GeneratedRegex(@"\{(?<name>[a-z]+)(:(?<format>[0#]+))?\}")]
    private static partial Regex Placeholder();
}
