using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace KollegialtUtbyte.ServiceDefaults.Retention;

/// <summary>The configured period of each kind: <c>Retention:&lt;Kind&gt;</c>, or the rule's default.</summary>
public sealed class RetentionPeriods(IConfiguration configuration)
{
    public const string SectionName = "Retention";

    public TimeSpan For(string kind, TimeSpan defaultPeriod)
    {
        var configured = configuration.GetSection(SectionName)[kind];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return defaultPeriod;
        }

        if (!TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var period) || period < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:{kind} must be a period that is not negative (d.hh:mm:ss), not '{configured}'.");
        }

        return period;
    }

    public TimeSpan For(IRetentionRule rule) => For(rule.Kind, rule.DefaultPeriod);
}
