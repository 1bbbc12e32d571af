using KollegialtUtbyte.Calendar;

namespace KollegialtUtbyte.Meetings.Tests.Domain;

/// <summary>What a person's calendar shows of her meetings.</summary>
public sealed class MeetingCalendarTests
{
    [Fact]
    public void A_feed_leaves_drafts_out_and_lists_the_rest_earliest_first()
    {
        var programme = TestMeetings.Programme();
        var others = new List<Meeting>();
        var later = TestMeetings.Schedule(programme, TestMeetings.Plan(14), others);
        var draft = TestMeetings.Schedule(programme, TestMeetings.Plan(7), others);
        var earlier = TestMeetings.Schedule(programme, TestMeetings.Plan(3), others);
        later.Publish(TestMeetings.Now);
        earlier.Publish(TestMeetings.Now);

        var feed = MeetingCalendar.Feed([later, draft, earlier], Programmes(programme), TestMeetings.Now);

        Assert.Equal([CalendarUids.ForMeeting(earlier.Id), CalendarUids.ForMeeting(later.Id)], feed.Events.Select(e => e.Uid));
        Assert.Equal(MeetingCalendar.FeedName, feed.Name);
    }

    [Fact]
    public void A_cancelled_meeting_stays_in_the_feed_marked_cancelled_with_its_reason_and_a_higher_sequence()
    {
        var programme = TestMeetings.Programme();
        var meeting = TestMeetings.Schedule(programme, TestMeetings.Plan(7));
        meeting.Publish(TestMeetings.Now);
        var announced = MeetingCalendar.EventOf(meeting, programme.Zone, TestMeetings.Now);
        meeting.Cancel("Stormen", TestMeetings.Now);

        var cancelled = Assert.Single(MeetingCalendar.Feed([meeting], Programmes(programme), TestMeetings.Now).Events);

        Assert.Equal(CalendarEventStatus.Cancelled, cancelled.Status);
        Assert.EndsWith("\nInställd: Stormen", cancelled.Description);
        Assert.True(cancelled.Sequence > announced.Sequence, "calendars replace an entry only by a higher sequence");
        Assert.Equal(CalendarEventStatus.Confirmed, announced.Status);
    }

    [Fact]
    public void The_description_gives_the_theme_and_the_agenda_in_order_in_the_programmes_local_time()
    {
        var programme = TestMeetings.Programme();
        var meeting = TestMeetings.Schedule(programme, TestMeetings.Plan(7, "Extern samverkan"));
        meeting.ReplaceAgenda([
            new AgendaItemDraft(AgendaItemKind.Talk, "Välkommen", "Landshövdingen", meeting.StartsAt, 15, null),
            new AgendaItemDraft(AgendaItemKind.Workshop, "Workshop", null, meeting.StartsAt.AddHours(1), 60, ["Hur fortsätter vi?"]),
        ]);

        var calendarEvent = MeetingCalendar.EventOf(meeting, programme.Zone, TestMeetings.Now);

        Assert.Equal("Tema: Extern samverkan\n09.30 Välkommen – Landshövdingen\n10.30 Workshop", calendarEvent.Description);
    }

    [Fact]
    public void The_place_is_the_venue_or_else_the_online_link_and_only_an_absolute_link_becomes_the_url()
    {
        var programme = TestMeetings.Programme();
        var atVenue = TestMeetings.Schedule(programme, TestMeetings.Plan(7) with { OnlineLink = "https://meet.example.se/abc" });
        var online = TestMeetings.Schedule(programme, TestMeetings.Plan(14) with { Venue = null, OnlineLink = "https://meet.example.se/def" });
        var noLink = TestMeetings.Schedule(programme, TestMeetings.Plan(21));

        var venueEvent = MeetingCalendar.EventOf(atVenue, programme.Zone, TestMeetings.Now);
        var onlineEvent = MeetingCalendar.EventOf(online, programme.Zone, TestMeetings.Now);
        var noLinkEvent = MeetingCalendar.EventOf(noLink, programme.Zone, TestMeetings.Now);

        Assert.Equal("Karlstad", venueEvent.Location);
        Assert.Equal(new Uri("https://meet.example.se/abc"), venueEvent.Url);
        Assert.Equal("https://meet.example.se/def", onlineEvent.Location);
        Assert.Null(noLinkEvent.Url);
        Assert.Equal(CalendarEventStatus.Tentative, noLinkEvent.Status);
    }

    [Fact]
    public void A_feed_takes_its_programmes_time_zone_when_they_share_one_and_the_default_otherwise()
    {
        var helsinki = TestMeetings.Programme();
        helsinki.ChangeSettings(new CalendarSettings("Europe/Helsinki", helsinki.Themes, helsinki.PlannedMeetings, helsinki.PoliticianShare), 0, []);
        var stockholm = TestMeetings.Programme();
        var inHelsinki = TestMeetings.Schedule(helsinki, TestMeetings.Plan(7));
        var inStockholm = TestMeetings.Schedule(stockholm, TestMeetings.Plan(7));
        inHelsinki.Publish(TestMeetings.Now);
        inStockholm.Publish(TestMeetings.Now);

        Assert.Equal("Europe/Helsinki", MeetingCalendar.Feed([inHelsinki], Programmes(helsinki), TestMeetings.Now).TimeZoneId);
        Assert.Equal(ProgrammeCalendar.DefaultTimeZone, MeetingCalendar.Feed([inHelsinki, inStockholm], Programmes(helsinki, stockholm), TestMeetings.Now).TimeZoneId);
        Assert.Equal(ProgrammeCalendar.DefaultTimeZone, MeetingCalendar.Feed([], Programmes(), TestMeetings.Now).TimeZoneId);
    }

    private static Dictionary<Guid, ProgrammeCalendar> Programmes(params ProgrammeCalendar[] programmes) => programmes.ToDictionary(p => p.Id);
}
