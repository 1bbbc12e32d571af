using System.Globalization;
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

        Assert.Equal(longSwedish, Parse(ics).Events.Single().Summary);
    }

    [Fact]
    public void Text_survives_escaping_and_parsing()
    {
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Request, Stockholm, [Meeting()]));

        var meeting = Parse(ics).Events.Single();
        Assert.Equal(Meeting().Description, meeting.Description);
        Assert.Equal("Residenset, Växjö", meeting.Location);
        Assert.Equal("Åsa Öberg", meeting.Attendees.Single().CommonName);
        Assert.Equal("mailto:asa.oberg@varmland.example", meeting.Attendees.Single().Value?.ToString());
        Assert.Equal("Tillväxtverket, Kollegialt utbyte", meeting.Organizer?.CommonName);
    }

    [Theory]
    [InlineData(2021, 3, 10, 8, "20210310T090000")] // winter: UTC+1
    [InlineData(2021, 6, 10, 7, "20210610T090000")] // summer: UTC+2
    public void Times_are_local_Stockholm_times_with_a_TZID(int year, int month, int day, int utcHour, string expectedLocal)
    {
        var start = new DateTimeOffset(year, month, day, utcHour, 0, 0, TimeSpan.Zero);
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Request, Stockholm, [Meeting() with { StartsAt = start, EndsAt = start.AddHours(2) }]));

        var dtStart = Parse(ics).Events.Single().DtStart!;
        Assert.Equal(Stockholm, dtStart.TzId);
        Assert.Equal(expectedLocal, Local(dtStart));
        Assert.Equal(start, new DateTimeOffset(dtStart.AsUtc, TimeSpan.Zero));
    }

    [Fact]
    public void The_time_zone_names_the_real_daylight_saving_changes()
    {
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Request, Stockholm, [Meeting()]));

        var zone = Parse(ics).TimeZones.Single();
        Assert.Equal(Stockholm, zone.TzId);
        Assert.Contains(zone.TimeZoneInfos, c => c.Name == "DAYLIGHT" && Local(c.DtStart!) == "20210328T020000"
            && c.OffsetFrom!.Offset == TimeSpan.FromHours(1) && c.OffsetTo!.Offset == TimeSpan.FromHours(2));
        Assert.Contains(zone.TimeZoneInfos, c => c.Name == "STANDARD" && Local(c.DtStart!) == "20211031T030000"
            && c.OffsetFrom!.Offset == TimeSpan.FromHours(2) && c.OffsetTo!.Offset == TimeSpan.FromHours(1));
    }

    [Fact]
    public void A_cancellation_says_so_and_keeps_the_uid()
    {
        var ics = IcsWriter.Write(new CalendarDocument(CalendarMethod.Cancel, Stockholm, [Meeting(sequence: 3)]));

        var calendar = Parse(ics);
        var meeting = calendar.Events.Single();
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", meeting.Status);
        Assert.Equal("meeting-3f2a@kollegialt-utbyte", meeting.Uid);
        Assert.Equal(3, meeting.Sequence);
    }

    // An independent RFC 5545 parser reads what the writer writes.
    private static Ical.Net.Calendar Parse(string ics) => Ical.Net.Calendar.Load(ics) ?? throw new FormatException("No calendar.");

    private static string Local(Ical.Net.DataTypes.CalDateTime time) => time.Value.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

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
