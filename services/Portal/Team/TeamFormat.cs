namespace KollegialtUtbyte.Portal.Team;

/// <summary>Dates and times as a person in Sweden reads them: Stockholm time, the current culture's formats.</summary>
public static class TeamFormat
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset InStockholm(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Stockholm);

    public static string Date(DateTimeOffset value) => InStockholm(value).ToString("D", CultureInfo.CurrentCulture);

    public static string Time(DateTimeOffset value) => InStockholm(value).ToString("t", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset value) => InStockholm(value).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>Machine-readable value for &lt;time datetime&gt;.</summary>
    public static string Iso(DateTimeOffset value) => InStockholm(value).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Format(CultureInfo.CurrentCulture, "{0} B", bytes),
        < 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0.#} kB", bytes / 1024d),
        _ => string.Format(CultureInfo.CurrentCulture, "{0:0.#} MB", bytes / (1024d * 1024d)),
    };
}
