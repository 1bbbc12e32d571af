using System.Globalization;

namespace KollegialtUtbyte.Calendar;

/// <summary>
/// Builds a VTIMEZONE from the actual UTC offset changes of the zone during the years the events
/// span (and the year before, so the first event's offset is defined). One observance per change,
/// each with its own DTSTART: exact for those years, whatever the receiver's zone database says.
/// </summary>
internal static class TimeZoneComponent
{
    public static IEnumerable<string> Lines(TimeZoneInfo zone, string zoneId, int firstYear, int lastYear)
    {
        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + zoneId;

        var from = new DateTimeOffset(firstYear - 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var until = new DateTimeOffset(lastYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var transitions = Transitions(zone, from, until).ToList();

        if (transitions.Count == 0)
        {
            var offset = zone.GetUtcOffset(from);
            foreach (var line in Observance("STANDARD", new DateTime(1970, 1, 1), offset, offset))
            {
                yield return line;
            }
        }

        foreach (var (instant, before, after) in transitions)
        {
            // DTSTART of an observance is the local time just before the change, in the old offset.
            var localStart = (instant + before).UtcDateTime;
            var kind = after > before || zone.IsDaylightSavingTime(instant) ? "DAYLIGHT" : "STANDARD";
            foreach (var line in Observance(kind, localStart, before, after))
            {
                yield return line;
            }
        }

        yield return "END:VTIMEZONE";
    }

    private static IEnumerable<(DateTimeOffset Instant, TimeSpan Before, TimeSpan After)> Transitions(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset until)
    {
        var previous = zone.GetUtcOffset(from);
        for (var hour = from; hour < until; hour = hour.AddHours(1))
        {
            var next = hour.AddHours(1);
            var offset = zone.GetUtcOffset(next);
            if (offset == previous)
            {
                continue;
            }

            // The change happened within (hour, next]: narrow it down to the second.
            var low = hour;
            var high = next;
            while (high - low > TimeSpan.FromSeconds(1))
            {
                var middle = low + ((high - low) / 2);
                if (zone.GetUtcOffset(middle) == previous)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            var instant = new DateTimeOffset(high.Ticks - (high.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            yield return (instant, previous, offset);
            previous = offset;
        }
    }

    private static IEnumerable<string> Observance(string kind, DateTime localStart, TimeSpan from, TimeSpan to)
    {
        yield return "BEGIN:" + kind;
        yield return "DTSTART:" + localStart.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        yield return "TZOFFSETFROM:" + Offset(from);
        yield return "TZOFFSETTO:" + Offset(to);
        yield return "END:" + kind;
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
}
