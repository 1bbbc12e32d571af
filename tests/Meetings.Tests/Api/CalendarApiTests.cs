using KollegialtUtbyte.Calendar;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>RFC 5545 for one meeting and a personal feed reachable by its own secret link.</summary>
public sealed class CalendarApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task A_meeting_downloads_as_an_ics_event_with_the_shared_uid_and_its_sequence()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var member = App.ClientFor(scenario.Teams[0].ProjectLeader);

        var response = await member.GetAsync($"/api/meetings/{meetings[0].Id}/calendar.ics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal(CalendarUids.ForMeeting(meetings[0].Id), vevent.Uid);
        Assert.Equal(0, vevent.Sequence);
        Assert.Equal(meetings[0].Title, vevent.Summary);
        Assert.Equal(meetings[0].Venue, vevent.Location);
        Assert.Equal("Europe/Stockholm", vevent.DtStart?.TzId);
        Assert.Equal(meetings[0].StartsAt.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture), vevent.DtStart?.Value.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("CONFIRMED", vevent.Status);
        Assert.Single(calendar.TimeZones);
    }

    [Fact]
    public async Task A_personal_feed_lists_the_person_s_meetings_without_signing_in_and_a_new_link_revokes_the_old()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        var person = scenario.Teams[0].Politician;
        var cancelled = await scenario.MeetingAsync(meetings[5].Id);
        await (await scenario.Admin.PostJsonAsync($"/api/meetings/{cancelled.Id}/cancel", new CancelMeetingRequest("Flyttas", cancelled.Version))).ReadAsync<MeetingResponse>();
        var draft = await scenario.ScheduleAsync(90, "Extern samverkan");

        var feed = await (await App.ClientFor(person).PostAsync("/api/meetings/calendar/feed", null, TestContext.Current.CancellationToken)).ReadAsync<CalendarFeedResponse>();
        var response = await App.ClientFor(null).GetAsync(new Uri(feed.Url).PathAndQuery, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendar = Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var events = calendar.Events.ToList();
        Assert.Equal(meetings.Select(m => CalendarUids.ForMeeting(m.Id)).Order(), events.Select(e => e.Uid).Order());
        Assert.DoesNotContain(events, e => e.Uid == CalendarUids.ForMeeting(draft.Id));
        var cancelledEvent = events.Single(e => e.Uid == CalendarUids.ForMeeting(cancelled.Id));
        Assert.Equal(("CANCELLED", 1), (cancelledEvent.Status, cancelledEvent.Sequence));

        var renewed = await (await App.ClientFor(person).PostAsync("/api/meetings/calendar/feed", null, TestContext.Current.CancellationToken)).ReadAsync<CalendarFeedResponse>();
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(null).GetAsync(new Uri(feed.Url).PathAndQuery, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor(null).GetAsync(new Uri(renewed.Url).PathAndQuery, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_or_guessed_feed_link_shows_nothing()
    {
        var person = TestUser.Politician(Guid.NewGuid());
        var feed = await (await App.ClientFor(person).PostAsync("/api/meetings/calendar/feed", null, TestContext.Current.CancellationToken)).ReadAsync<CalendarFeedResponse>();
        var path = new Uri(feed.Url).AbsolutePath;

        Assert.Equal(HttpStatusCode.NoContent, (await App.ClientFor(person).DeleteAsync("/api/meetings/calendar/feed", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(null).GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(null).GetAsync("/api/meetings/calendar/feeds/not-a-token.ics", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ClientFor(null).PostAsync("/api/meetings/calendar/feed", null, TestContext.Current.CancellationToken)).StatusCode);
        var token = path.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);
        var stored = await App.QueryAsync(db => db.CalendarFeeds.Where(f => f.PersonId == person.PersonId).Select(f => f.TokenHash).ToListAsync());
        Assert.Equal([SecretToken.Hash(token)], stored);
    }

    // An independent RFC 5545 parser reads what the service writes.
    private static Ical.Net.Calendar Parse(string ics) => Ical.Net.Calendar.Load(ics) ?? throw new FormatException("No calendar.");
}
