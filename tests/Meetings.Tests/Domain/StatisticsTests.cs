namespace KollegialtUtbyte.Meetings.Tests.Domain;

/// <summary>Suppression below three people, so no statistic points at one or two persons.</summary>
public sealed class StatisticsTests
{
    [Theory]
    [InlineData(new[] { 5, 7, 3 }, new[] { 5, 7, 3 })]
    [InlineData(new[] { 5, 0, 3 }, new[] { 5, 0, 3 })]
    [InlineData(new[] { 5, 2, 3 }, new[] { 5, -1, -1 })]
    [InlineData(new[] { 9, 1, 2 }, new[] { 9, -1, -1 })]
    [InlineData(new[] { 4, 1 }, new[] { -1, -1 })]
    [InlineData(new[] { 2 }, new[] { -1 })]
    [InlineData(new[] { 6, 1, 0 }, new[] { 6, -1, -1 })]
    public void Small_counts_are_suppressed_and_never_alone(int[] counts, int[] expected) =>
        Assert.Equal(expected.Select(e => e < 0 ? (int?)null : e), AttendanceStatistics.Suppress(counts));

    [Fact]
    public void Programme_totals_count_different_people_and_their_attendances()
    {
        var meetings = new[] { new MeetingFacts(Guid.NewGuid(), 1, "1", TestMeetings.Now), new MeetingFacts(Guid.NewGuid(), 2, "2", TestMeetings.Now.AddDays(30)) };
        var people = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var facts = meetings.SelectMany(m => people.Select(p => new AttendanceFact(m.MeetingId, p, "Region Halland", TeamRole.KeyOfficial, "kvinna", AttendanceStatus.Present))).ToList();

        var report = AttendanceStatistics.Build(meetings, facts);

        var region = report.Programme.Single(c => c.Dimension == "Region");
        Assert.Equal((4, 8), (region.People, region.Attendances));
        Assert.Equal(["Närvarande", "Frånvarande", "Anmält förhinder", "Ej registrerad"], report.Meetings[0].ByStatus.Select(c => c.Group));
        Assert.Equal("Kvinna", report.Meetings[0].PresentByGender.Single().Group);
    }

    [Fact]
    public void Representation_counts_accepted_before_and_present_after_attendance()
    {
        var region = Guid.NewGuid();
        Invitee[] invitees =
        [
            new(Guid.NewGuid(), region, TeamRole.ProjectLeader, InvitationAnswer.Accepted, AttendanceStatus.Absent),
            new(Guid.NewGuid(), region, TeamRole.KeyOfficial, InvitationAnswer.Accepted, AttendanceStatus.Present),
            new(Guid.NewGuid(), region, TeamRole.KeyOfficial, InvitationAnswer.Declined, AttendanceStatus.Present),
            new(Guid.NewGuid(), region, TeamRole.SubstitutePolitician, InvitationAnswer.Pending, AttendanceStatus.Present),
        ];

        var before = Representation.Of(invitees, [region], 4, attendanceTaken: false).Single();
        var after = Representation.Of(invitees, [region], 4, attendanceTaken: true).Single();

        Assert.Equal((true, 1, false), (before.ProjectLeaderThere, before.KeyOfficialsThere, before.PoliticianThere));
        Assert.Equal((false, 2, true), (after.ProjectLeaderThere, after.KeyOfficialsThere, after.PoliticianThere));
        Assert.Equal(new Tally(2, 1, 2), after.KeyOfficials);
    }
}
