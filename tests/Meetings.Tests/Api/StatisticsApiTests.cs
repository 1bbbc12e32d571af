using System.Text;

namespace KollegialtUtbyte.Meetings.Tests.Api;

/// <summary>Attendance statistics (seed 003): aggregated, suppressed below three people, exportable as CSV.</summary>
public sealed class StatisticsApiTests(MeetingsAppFixture fixture) : IClassFixture<MeetingsAppFixture>
{
    private MeetingsApp App => fixture.App;

    [Fact]
    public async Task Attendance_per_meeting_region_role_and_gender_is_aggregated_and_small_groups_are_suppressed()
    {
        var (scenario, meeting) = await AttendedMeetingAsync();

        var report = await (await scenario.Admin.GetAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/statistics", TestContext.Current.CancellationToken)).ReadAsync<AttendanceStatisticsReport>();

        var stats = Assert.Single(report.Meetings);
        Assert.Equal(meeting.Id, stats.MeetingId);
        Assert.Equal(7, stats.ByStatus.Single(c => c.Group == "Närvarande").Count);

        // One present from the second region: suppressed, and the first region with it, or the total would tell.
        Assert.Null(stats.PresentByRegion.Single(c => c.Group == scenario.Teams[1].RegionName).Count);
        Assert.Null(stats.PresentByRegion.Single(c => c.Group == scenario.Teams[0].RegionName).Count);
        Assert.Equal(5, stats.PresentByRole.Single(c => c.Group == "Tjänsteperson med nyckelfunktion").Count);
        Assert.Equal(4, stats.PresentByGender.Single(c => c.Group == "Kvinna").Count);
        Assert.Null(stats.PresentByGender.Single(c => c.Group == "Man").Count);
        Assert.Null(stats.PresentByGender.Single(c => c.Group == AttendanceStatistics.NotStated).Count);
        Assert.DoesNotContain(stats.PresentByGender.Concat(stats.PresentByRegion).Concat(stats.PresentByRole), c => c.Count is 1 or 2);
        Assert.DoesNotContain(report.Programme, c => c.People is 1 or 2);
    }

    [Fact]
    public async Task The_csv_export_opens_in_Swedish_Excel_and_marks_suppressed_counts()
    {
        var (scenario, _) = await AttendedMeetingAsync();

        var response = await scenario.Admin.GetAsync($"/api/meetings/programmes/{scenario.ProgrammeId}/statistics.csv", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Träff;Datum;Dimension;Grupp;Personer;Närvarotillfällen", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("1;", StringComparison.Ordinal) && l.Contains($";Region;{scenario.Teams[1].RegionName};..;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";Roll;Tjänsteperson med nyckelfunktion;5;", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(';')[4] is "1" or "2");
    }

    [Fact]
    public async Task Statistics_are_for_administrators_and_facilitators()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 1);
        var url = $"/api/meetings/programmes/{scenario.ProgrammeId}/statistics";

        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(scenario.Teams[0].ProjectLeader).GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ClientFor(scenario.Teams[0].Politician).GetAsync(url + ".csv", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor(scenario.Facilitator).GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>
    /// Two regions; present: all six of the first (four women, two men) and one key official of the
    /// second (gender not stated), whose others are absent or excused.
    /// </summary>
    private async Task<(Scenario Scenario, MeetingResponse Meeting)> AttendedMeetingAsync()
    {
        var scenario = await Scenario.CreateAsync(App, regions: 2);
        var (first, second) = (scenario.Teams[0], scenario.Teams[1]);
        string[] genders = ["kvinna", "Kvinna", "man", "kvinna", "Man", "kvinna"];
        var members = first.Members.ToList();
        for (var i = 0; i < members.Count; i++)
        {
            await App.PublishAsync(new PersonGenderStated(members[i].PersonId, genders[i], App.Now));
        }

        await App.PublishAsync(new PersonUpdated(second.KeyOfficials[0].PersonId, "x", "x@example.test", null, null, null, null, second.RegionId, "sv", null, App.Now));
        var meetings = await scenario.ScheduleSixAsync();
        await scenario.PublishPlanAsync();
        scenario.MoveClockInto(meetings[0]);
        var entries = first.Members.Select(p => (p, AttendanceStatus.Present))
            .Append((second.KeyOfficials[0], AttendanceStatus.Present))
            .Concat(second.KeyOfficials.Skip(1).Select(p => (p, AttendanceStatus.Absent)))
            .Append((second.Politician, AttendanceStatus.Excused))
            .ToArray();
        await (await scenario.RecordAttendanceAsync(scenario.Facilitator, meetings[0].Id, entries)).ReadAsync<AttendanceResponse>();
        return (scenario, meetings[0]);
    }
}
