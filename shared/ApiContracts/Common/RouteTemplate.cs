using System.Text;
using System.Text.RegularExpressions;

namespace KollegialtUtbyte.ApiContracts;

/// <summary>
/// Fills a route template (<c>/rounds/{roundId:guid}</c>) with values in the order of its
/// parameters, so a client builds its paths from the same constants the service maps.
/// </summary>
public static partial class RouteTemplate
{
    public static string Expand(string template, params object[] values)
    {
        var index = 0;
        var path = Parameter().Replace(template, match =>
        {
            if (index >= values.Length)
            {
                throw new ArgumentException($"The template '{template}' has more parameters than the {values.Length} values given.", nameof(values));
            }

            return Uri.EscapeDataString(Convert.ToString(values[index++], System.Globalization.CultureInfo.InvariantCulture) ?? "");
        });
        return index == values.Length
            ? path
            : throw new ArgumentException($"The template '{template}' has {index} parameters, not {values.Length}.", nameof(values));
    }

    /// <summary>A query string from the given pairs, leaving out those without a value.</summary>
    public static string Query(string path, params (string Name, object? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=')
                .Append(Uri.EscapeDataString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }

        return path + query;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
