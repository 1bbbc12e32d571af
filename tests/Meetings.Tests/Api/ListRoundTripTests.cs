using KollegialtUtbyte.Meetings.Data;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>A list costs the same number of database round trips whatever its length: no query per item.</summary>
public sealed class ListRoundTripTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task A_programmes_meetings_cost_the_same_round_trips_for_one_meeting_as_for_six()
    {
        var one = await Scenario.CreateAsync(App, regions: 1);
        await one.ScheduleAsync(4, ProgrammeCalendar.DefaultThemes[0], one.Facilitator.PersonId);
        var six = await Scenario.CreateAsync(App, regions: 1);
        await six.ScheduleSixAsync();

        await using var counted = App.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(DatabaseRoundTrips.AddTo<MeetingsDb>));
        var admin = counted.CreateClient();
        admin.DefaultRequestHeaders.Authorization = one.Admin.DefaultRequestHeaders.Authorization;
        var roundTrips = counted.Services.GetRequiredService<DatabaseRoundTrips>();

        async Task<int> RoundTripsOfAsync(Scenario scenario, int expected)
        {
            var probe = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/programmes/{scenario.ProgrammeId}/meetings");
            request.Headers.Add(DatabaseRoundTrips.ProbeHeader, probe);
            using var response = await admin.SendAsync(request, TestContext.Current.CancellationToken);
            var meetings = await response.ReadAsync<List<MeetingResponse>>();
            Assert.Equal(expected, meetings.Count);
            Assert.All(meetings, m => Assert.NotEmpty(m.Facilitators));
            return roundTrips.Of(probe);
        }

        var forOne = await RoundTripsOfAsync(one, 1);
        Assert.InRange(forOne, 1, 5);
        Assert.Equal(forOne, await RoundTripsOfAsync(six, 6));
    }
}
