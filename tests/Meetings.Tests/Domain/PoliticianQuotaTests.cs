namespace KollegialtUtbyte.Meetings.Tests.Domain;

/// <summary>The quota arithmetic: required = ceil(meetings × share), what is secured, what is still possible, and the status.</summary>
public sealed class PoliticianQuotaTests
{
    // One letter per announced meeting: a = accepted, d = declined, t = tentative, p = pending (all still ahead);
    // P = present, A = absent after accepting, E = excused after accepting (attendance taken); s = started,
    // politician pending and not yet recorded; u = started without an invitation (joined later).
    [Theory]
    [InlineData("aaappp", 6, 3, 3, 0, 6, true, QuotaStatus.OnTrack)]
    [InlineData("dddd", 6, 3, 0, 0, 2, false, QuotaStatus.Unreachable)]
    [InlineData("ddd", 6, 3, 0, 0, 3, false, QuotaStatus.AtRisk)]
    [InlineData("aaaddd", 6, 3, 3, 0, 3, true, QuotaStatus.OnTrack)]
    [InlineData("aadddp", 6, 3, 2, 0, 3, false, QuotaStatus.AtRisk)]
    [InlineData("PAEppp", 6, 3, 2, 1, 4, false, QuotaStatus.OnTrack)]
    [InlineData("PAAEpp", 6, 3, 3, 1, 3, false, QuotaStatus.AtRisk)]
    [InlineData("PPPddd", 6, 3, 0, 3, 3, true, QuotaStatus.OnTrack)]
    [InlineData("AAAAp", 6, 3, 4, 0, 2, false, QuotaStatus.Unreachable)]
    [InlineData("ssspp", 6, 3, 0, 0, 6, false, QuotaStatus.OnTrack)]
    [InlineData("uuuu", 6, 3, 0, 0, 2, false, QuotaStatus.Unreachable)]
    [InlineData("", 6, 3, 0, 0, 6, false, QuotaStatus.OnTrack)]
    [InlineData("ttt", 6, 3, 0, 0, 6, false, QuotaStatus.OnTrack)]
    [InlineData("ddpp", 5, 3, 0, 0, 3, false, QuotaStatus.AtRisk)]
    public void Standing_over_six_planned_meetings(string meetings, int planned, int required, int accepted, int attended, int stillPossible, bool met, QuotaStatus status)
    {
        var standing = PoliticianQuota.Calculate(meetings.Select(Meeting).ToList(), planned, 0.5m);

        Assert.Equal((required, accepted, attended, stillPossible, met, status), (standing.Required, standing.Accepted, standing.Attended, standing.StillPossible, standing.Met, standing.Status));
    }

    [Theory]
    [InlineData(6, "0.5", 3)]
    [InlineData(5, "0.5", 3)]
    [InlineData(7, "0.5", 4)]
    [InlineData(1, "0.5", 1)]
    [InlineData(0, "0.5", 0)]
    [InlineData(6, "1", 6)]
    [InlineData(6, "0.3333", 2)]
    [InlineData(3, "0.6667", 2)]
    [InlineData(6, "0.6667", 4)]
    [InlineData(4, "0.25", 1)]
    [InlineData(6, "0.0001", 1)]
    public void Required_is_the_share_of_the_meetings_rounded_up(int meetings, string share, int required) =>
        Assert.Equal(required, PoliticianQuota.Required(meetings, decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void More_announced_meetings_than_planned_count_as_the_meetings()
    {
        var standing = PoliticianQuota.Calculate("aaappppp".Select(Meeting).ToList(), 6, 0.5m);

        Assert.Equal((8, 4, false), (standing.Meetings, standing.Required, standing.Met));
    }

    [Fact]
    public void A_politician_who_came_although_they_declined_has_attended()
    {
        var standing = PoliticianQuota.Calculate([new QuotaMeeting(true, true, InvitationAnswer.Declined, AttendanceStatus.Present)], 2, 0.5m);

        Assert.Equal((1, 1, true), (standing.Attended, standing.Secured, standing.Met));
    }

    private static QuotaMeeting Meeting(char code) => code switch
    {
        'a' => new(true, false, InvitationAnswer.Accepted, null),
        'd' => new(true, false, InvitationAnswer.Declined, null),
        't' => new(true, false, InvitationAnswer.Tentative, null),
        'p' => new(true, false, InvitationAnswer.Pending, null),
        'P' => new(true, true, InvitationAnswer.Pending, AttendanceStatus.Present),
        'A' => new(true, true, InvitationAnswer.Accepted, AttendanceStatus.Absent),
        'E' => new(true, true, InvitationAnswer.Accepted, AttendanceStatus.Excused),
        's' => new(true, true, InvitationAnswer.Pending, null),
        'u' => new(false, true, InvitationAnswer.Pending, null),
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };
}
