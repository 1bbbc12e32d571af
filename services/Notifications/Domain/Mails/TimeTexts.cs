using System.Globalization;

namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>Dates and times as people read them, in the meeting's (or the suite's) time zone.</summary>
internal static class TimeTexts
{
    public const string Stockholm = "Europe/Stockholm";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static TimeZoneInfo Zone(string? zoneId, string fallbackZoneId)
    {
        if (!string.IsNullOrWhiteSpace(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(fallbackZoneId, out var fallback) ? fallback : TimeZoneInfo.Utc;
    }

    /// <summary>"tisdag 16 mars 2021 kl. 09:00–12:00 (svensk tid)" / "Tuesday 16 March 2021, 09:00–12:00 (Swedish time)".</summary>
    public static string Span(DateTimeOffset startsAt, DateTimeOffset endsAt, TimeZoneInfo zone, Language language)
    {
        var start = TimeZoneInfo.ConvertTime(startsAt, zone);
        var end = TimeZoneInfo.ConvertTime(endsAt, zone);
        var text = start.Date == end.Date
            ? $"{Day(start, language)}{TimeSeparator(language)}{Time(start)}–{Time(end)}"
            : $"{Day(start, language)}{TimeSeparator(language)}{Time(start)} – {Day(end, language)}{TimeSeparator(language)}{Time(end)}";
        return text + ZoneNote(zone, language);
    }

    /// <summary>"tisdag 30 mars 2021 kl. 23:59 (svensk tid)" / "Tuesday 30 March 2021 at 23:59 (Swedish time)".</summary>
    public static string Moment(DateTimeOffset moment, TimeZoneInfo zone, Language language)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var separator = language == Language.English ? " at " : " kl. ";
        return $"{Day(local, language)}{separator}{Time(local)}{ZoneNote(zone, language)}";
    }

    /// <summary>"16 mars 2021" / "16 March 2021".</summary>
    public static string Date(DateTimeOffset moment, TimeZoneInfo zone, Language language) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("d MMMM yyyy", Culture(language));

    /// <summary>How far ahead something is, as "om 7 dagar" / "in 7 days" or, within a day, "om 3 timmar" / "in 3 hours".</summary>
    public static string Ahead(TimeSpan remaining, Language language)
    {
        var english = language == Language.English;
        if (remaining >= TimeSpan.FromHours(23.5))
        {
            var days = (int)Math.Round(remaining.TotalDays);
            return english ? $"in {days} {(days == 1 ? "day" : "days")}" : $"om {days} {(days == 1 ? "dag" : "dagar")}";
        }

        var hours = Math.Max(1, (int)Math.Round(remaining.TotalHours));
        return english ? $"in {hours} {(hours == 1 ? "hour" : "hours")}" : $"om {hours} {(hours == 1 ? "timme" : "timmar")}";
    }

    private static string Day(DateTimeOffset local, Language language) =>
        local.ToString("dddd d MMMM yyyy", Culture(language));

    private static string Time(DateTimeOffset local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string TimeSeparator(Language language) => language == Language.English ? ", " : " kl. ";

    private static string ZoneNote(TimeZoneInfo zone, Language language) =>
        zone.Id == Stockholm
            ? language == Language.English ? " (Swedish time)" : " (svensk tid)"
            : $" ({zone.Id})";

    private static CultureInfo Culture(Language language) => language == Language.English ? English : Swedish;
}
