namespace KollegialtUtbyte.Regions.Domain;

/// <summary>A Swedish region (e.g. "Region Värmland") identified by its county's official code.</summary>
public sealed class Region : IVersioned
{
    private Region()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The county's official two-digit code (Värmland: 17).</summary>
    public string CountyCode { get; private set; } = "";

    public string SearchText { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public long Version { get; set; }

    public static Region Register(Guid id, string name, string countyCode, DateTimeOffset now)
    {
        var region = new Region { Id = id, RegisteredAt = now };
        region.Change(name, countyCode);
        return region;
    }

    public void Change(string name, string countyCode)
    {
        Name = Text.Required(name, "region.name-required", "En region måste ha ett namn.");
        CountyCode = countyCode.Trim();
        if (!CountyCodes.IsOfficial(CountyCode))
        {
            throw new RuleViolationException("region.unknown-county-code",
                $"'{CountyCode}' är ingen officiell länskod (01–25, t.ex. 17 för Värmlands län).");
        }

        SearchText = Text.SearchTextOf(Name, CountyCode, CountyCodes.CountyName(CountyCode));
    }
}
