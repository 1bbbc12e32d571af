using System.Globalization;
using System.Text;

namespace KollegialtUtbyte.Calendar;

/// <summary>
/// Writes RFC 5545 iCalendar text: CRLF line ends, lines folded at 75 octets without splitting a
/// UTF-8 character, TEXT values escaped, local times with a TZID and the matching VTIMEZONE
/// generated from the system's time zone rules, DTSTAMP in UTC.
/// </summary>
public static class IcsWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const int MaxOctetsPerLine = 75;

    public static string Write(CalendarDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(document.TimeZoneId);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + EscapeText(document.ProductId),
            "CALSCALE:GREGORIAN",
        };
        if (document.Method != CalendarMethod.None)
        {
            lines.Add("METHOD:" + document.Method.ToString().ToUpperInvariant());
        }

        if (document.Name is { } name)
        {
            lines.Add("X-WR-CALNAME:" + EscapeText(name));
            lines.Add("X-WR-TIMEZONE:" + document.TimeZoneId);
        }

        if (document.Events.Count > 0)
        {
            var years = document.Events.SelectMany(e => new[] { e.StartsAt.Year, e.EndsAt.Year }).ToList();
            lines.AddRange(TimeZoneComponent.Lines(zone, document.TimeZoneId, years.Min(), years.Max()));
        }

        foreach (var calendarEvent in document.Events)
        {
            lines.AddRange(EventLines(calendarEvent, zone, document.TimeZoneId, document.Method));
        }

        lines.Add("END:VCALENDAR");

        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, builder);
        }

        return builder.ToString();
    }

    private static IEnumerable<string> EventLines(CalendarEvent e, TimeZoneInfo zone, string zoneId, CalendarMethod method)
    {
        yield return "BEGIN:VEVENT";
        yield return "UID:" + EscapeText(e.Uid);
        yield return "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture);
        yield return "DTSTAMP:" + Utc(e.Stamp);
        yield return $"DTSTART;TZID={zoneId}:{Local(e.StartsAt, zone)}";
        yield return $"DTEND;TZID={zoneId}:{Local(e.EndsAt, zone)}";
        yield return "SUMMARY:" + EscapeText(e.Summary);
        if (e.Description is { Length: > 0 } description)
        {
            yield return "DESCRIPTION:" + EscapeText(description);
        }

        if (e.Location is { Length: > 0 } location)
        {
            yield return "LOCATION:" + EscapeText(location);
        }

        if (e.Url is { } url)
        {
            yield return "URL:" + url.AbsoluteUri;
        }

        var status = method == CalendarMethod.Cancel ? CalendarEventStatus.Cancelled : e.Status;
        yield return "STATUS:" + status.ToString().ToUpperInvariant();
        yield return "TRANSP:OPAQUE";
        if (e.Organizer is { } organizer)
        {
            yield return $"ORGANIZER;CN={ParameterValue(organizer.Name)}:mailto:{organizer.Email}";
        }

        foreach (var attendee in e.Attendees)
        {
            var partStat = attendee.Status switch
            {
                ParticipationStatus.Accepted => "ACCEPTED",
                ParticipationStatus.Declined => "DECLINED",
                ParticipationStatus.Tentative => "TENTATIVE",
                _ => "NEEDS-ACTION",
            };
            var rsvp = attendee.ResponseRequested ? "TRUE" : "FALSE";
            yield return $"ATTENDEE;CN={ParameterValue(attendee.Name)};ROLE=REQ-PARTICIPANT;PARTSTAT={partStat};RSVP={rsvp}:mailto:{attendee.Email}";
        }

        yield return "END:VEVENT";
    }

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11).</summary>
    public static string EscapeText(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                ';' => builder.Append(@"\;"),
                ',' => builder.Append(@"\,"),
                '\n' => builder.Append(@"\n"),
                _ when char.IsControl(c) && c != '\t' => builder,
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    // Parameter values may not contain DQUOTE; quote when they hold ':', ';' or ','.
    private static string ParameterValue(string value)
    {
        var clean = new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray());
        return clean.IndexOfAny([':', ';', ',']) >= 0 ? $"\"{clean}\"" : clean;
    }

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence.</summary>
    private static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        var limit = MaxOctetsPerLine;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = MaxOctetsPerLine - 1; // the leading space counts
            }

            output.Append(line, i, length);
            octets += size;
            i += length - 1;
        }

        output.Append("\r\n");
    }
}
