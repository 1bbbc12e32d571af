using System.Text;

namespace KollegialtUtbyte.Calendar.Tests;

public sealed class IcsWriterTests
{
    private const string Stockholm = "Europe/Stockholm";
    private static readonly DateTimeOffset Stamp = new(2021, 2, 1, 12, 0, 0, TimeSpan.Zero);

    private static CalendarEvent Meeting(int sequence = 0) =>
        new(
            "meeting-3f2a@kollegialt-utbyte",
            sequence,
            new DateTimeOffset(2021, 3, 10, 8, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2021, 3, 10, 15, 0, 0, TimeSpan.Zero),
            "Kollegialt utbyte 1: Extern samverkan",
            Stamp)
        {
            Description = "Välkomna till första träffen!\nAgenda: föredrag, workshop; fika, avslutning.\nFrågor? Kontakta processledaren \\ Ramböll.",
            Location = "Residenset, Växjö",
            Organizer = new CalendarPerson("Tillväxtverket, Kollegialt utbyte", "kollegialt-utbyte@tillvaxtverket.example"),
            Attendees = [new CalendarAttendee("Åsa Öberg", "asa.oberg@varmland.example")],
        };

    [Fact]
    public void An_invitation_matches_the_golden_file()
    {
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Request, Stockholm, [Meeting()]));

        AssertGolden("invitation.ics", ics);
    }

    [Fact]
    public void A_cancellation_matches_the_golden_file()
    {
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Cancel, Stockholm, [Meeting(sequence: 2)]));

        AssertGolden("cancellation.ics", ics);
    }

    [Fact]
    public void Lines_end_with_CRLF_and_are_folded_at_75_octets_without_splitting_characters()
    {
        var longSwedish = string.Concat(Enumerable.Repeat("Hållbar besöksnäring på landsbygden – ", 12));
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Request, Stockholm, [Meeting() with { Summary = longSwedish }]));

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var line in ics.Split("\r\n")[..^1])
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            Assert.True(bytes.Length <= 75, $"{bytes.Length} octets: {line}");
            Assert.Equal(line, strictUtf8.GetString(bytes));
            Assert.DoesNotContain('\n', line);
        }

        Assert.Equal(longSwedish, IcsReader.Parse(ics).Descendants("VEVENT").Single()["SUMMARY"]!.Text);
    }

    [Fact]
    public void Text_survives_escaping_and_parsing()
    {
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Request, Stockholm, [Meeting()]));

        var meeting = IcsReader.Parse(ics).Descendants("VEVENT").Single();
        Assert.Equal(Meeting().Description, meeting["DESCRIPTION"]!.Text);
        Assert.Equal("Residenset, Växjö", meeting["LOCATION"]!.Text);
        Assert.Equal("Åsa Öberg", meeting["ATTENDEE"]!.Parameters["CN"]);
        Assert.Equal("mailto:asa.oberg@varmland.example", meeting["ATTENDEE"]!.Value);
        Assert.Equal("Tillväxtverket, Kollegialt utbyte", meeting["ORGANIZER"]!.Parameters["CN"]);
    }

    [Theory]
    [InlineData(2021, 3, 10, 8, "20210310T090000")] // winter: UTC+1
    [InlineData(2021, 6, 10, 7, "20210610T090000")] // summer: UTC+2
    public void Times_are_local_Stockholm_times_with_a_TZID(int year, int month, int day, int utcHour, string expectedLocal)
    {
        var start = new DateTimeOffset(year, month, day, utcHour, 0, 0, TimeSpan.Zero);
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Request, Stockholm, [Meeting() with { StartsAt = start, EndsAt = start.AddHours(2) }]));

        var dtStart = IcsReader.Parse(ics).Descendants("VEVENT").Single()["DTSTART"]!;
        Assert.Equal(Stockholm, dtStart.Parameters["TZID"]);
        Assert.Equal(expectedLocal, dtStart.Value);
    }

    [Fact]
    public void The_time_zone_names_the_real_daylight_saving_changes()
    {
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Request, Stockholm, [Meeting()]));

        var zone = IcsReader.Parse(ics).Descendants("VTIMEZONE").Single();
        Assert.Equal(Stockholm, zone["TZID"]!.Value);
        Assert.Contains(zone.Children, c => c.Name == "DAYLIGHT" && c["DTSTART"]!.Value == "20210328T020000"
            && c["TZOFFSETFROM"]!.Value == "+0100" && c["TZOFFSETTO"]!.Value == "+0200");
        Assert.Contains(zone.Children, c => c.Name == "STANDARD" && c["DTSTART"]!.Value == "20211031T030000"
            && c["TZOFFSETFROM"]!.Value == "+0200" && c["TZOFFSETTO"]!.Value == "+0100");
    }

    [Fact]
    public void A_cancellation_says_so_and_keeps_the_uid()
    {
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Cancel, Stockholm, [Meeting(sequence: 3)]));

        var calendar = IcsReader.Parse(ics);
        var meeting = calendar.Descendants("VEVENT").Single();
        Assert.Equal("CANCEL", calendar["METHOD"]!.Value);
        Assert.Equal("CANCELLED", meeting["STATUS"]!.Value);
        Assert.Equal("meeting-3f2a@kollegialt-utbyte", meeting["UID"]!.Value);
        Assert.Equal("3", meeting["SEQUENCE"]!.Value);
    }

    [Fact]
    public void The_reader_refuses_bare_line_feeds_and_unbalanced_components()
    {
        Assert.Throws<FormatException>(() => IcsReader.Parse("BEGIN:VCALENDAR\nEND:VCALENDAR\n"));
        Assert.Throws<FormatException>(() => IcsReader.Parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n"));
    }

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", name);
        var expected = File.ReadAllText(path, Encoding.UTF8);
        if (expected != actual)
        {
            File.WriteAllText(path + ".actual", actual, new UTF8Encoding(false));
        }

        Assert.Equal(expected, actual);
    }
}
