namespace KollegialtUtbyte.Regions.Domain;

/// <summary>
/// Sweden's official county codes (länskoder, SCB). A region is identified by its county's code,
/// which other systems (statistics, registers) use too.
/// </summary>
public static class CountyCodes
{
    private static readonly Dictionary<string, string> CountyByCode = new()
    {
        ["01"] = "Stockholms län",
        ["03"] = "Uppsala län",
        ["04"] = "Södermanlands län",
        ["05"] = "Östergötlands län",
        ["06"] = "Jönköpings län",
        ["07"] = "Kronobergs län",
        ["08"] = "Kalmar län",
        ["09"] = "Gotlands län",
        ["10"] = "Blekinge län",
        ["12"] = "Skåne län",
        ["13"] = "Hallands län",
        ["14"] = "Västra Götalands län",
        ["17"] = "Värmlands län",
        ["18"] = "Örebro län",
        ["19"] = "Västmanlands län",
        ["20"] = "Dalarnas län",
        ["21"] = "Gävleborgs län",
        ["22"] = "Västernorrlands län",
        ["23"] = "Jämtlands län",
        ["24"] = "Västerbottens län",
        ["25"] = "Norrbottens län",
    };

    public static bool IsOfficial(string code) => CountyByCode.ContainsKey(code);

    public static string? CountyName(string code) => CountyByCode.GetValueOrDefault(code);
}
