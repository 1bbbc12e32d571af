namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>One invitee of a meeting whose attendance has been taken, with what statistics may group by.</summary>
public sealed record AttendanceFact(
    Guid MeetingId,
    Guid PersonId,
    string RegionName,
    TeamRole? Role,
    string? Gender,
    AttendanceStatus? Attendance,
    string? Organisation = null)
{
    /// <summary>Someone without a region (in a dialogue or a network) counts for their organisation instead.</summary>
    public bool CountsForOrganisation => Organisation is not null;
}

public sealed record MeetingFacts(Guid MeetingId, int Number, string Title, DateTimeOffset StartsAt);

/// <summary>
/// Attendance statistics, only ever aggregated (seed 003: statistics broken down by gender where
/// people chose to state it). Any group of one or two people is suppressed, and so is a second
/// group beside a lone suppressed one, so it cannot be worked out from the total.
/// </summary>
public static class AttendanceStatistics
{
    public const int MinimumGroupSize = 3;
    public const string NotStated = "Ej angivet";

    public static string RoleName(TeamRole? role) => role switch
    {
        TeamRole.ProjectLeader => "Projektledare",
        TeamRole.KeyOfficial => "Tjänsteperson med nyckelfunktion",
        TeamRole.Politician => "Politiker",
        TeamRole.SubstitutePolitician => "Ersättare för politiker",
        _ => "Övrig",
    };

    public static string StatusName(AttendanceStatus? status) => status switch
    {
        AttendanceStatus.Present => "Närvarande",
        AttendanceStatus.Absent => "Frånvarande",
        AttendanceStatus.Excused => "Anmält förhinder",
        _ => "Ej registrerad",
    };

    public static AttendanceStatisticsReport Build(IReadOnlyCollection<MeetingFacts> meetings, IReadOnlyCollection<AttendanceFact> facts)
    {
        var perMeeting = meetings.OrderBy(m => m.StartsAt).Select(meeting =>
        {
            var invitees = facts.Where(f => f.MeetingId == meeting.MeetingId).ToList();
            var present = invitees.Where(f => f.Attendance == AttendanceStatus.Present).ToList();
            AttendanceStatus?[] statuses = [AttendanceStatus.Present, AttendanceStatus.Absent, AttendanceStatus.Excused, null];
            return new MeetingAttendanceStatistics(
                meeting.MeetingId,
                meeting.Number,
                meeting.Title,
                meeting.StartsAt,
                Cells(statuses.Select(s => (StatusName(s), invitees.Count(f => f.Attendance == s)))),
                Cells(present.Where(f => !f.CountsForOrganisation).GroupBy(f => f.RegionName).OrderBy(g => g.Key, StringComparer.Create(Swedish, false)).Select(g => (g.Key, g.Count()))),
                Cells(present.GroupBy(f => RoleName(f.Role)).OrderBy(g => g.Key, StringComparer.Create(Swedish, false)).Select(g => (g.Key, g.Count()))),
                Cells(ByGender(present).Select(g => (g.Key, g.Count()))),
                Cells(present.Where(f => f.CountsForOrganisation).GroupBy(f => f.Organisation!).OrderBy(g => g.Key, StringComparer.Create(Swedish, false)).Select(g => (g.Key, g.Count()))));
        }).ToList();

        var allPresent = facts.Where(f => f.Attendance == AttendanceStatus.Present).ToList();
        var programme = new List<ProgrammeCell>();
        programme.AddRange(ProgrammeCells("Region", allPresent.Where(f => !f.CountsForOrganisation).GroupBy(f => f.RegionName).OrderBy(g => g.Key, StringComparer.Create(Swedish, false))));
        programme.AddRange(ProgrammeCells("Organisation", allPresent.Where(f => f.CountsForOrganisation).GroupBy(f => f.Organisation!).OrderBy(g => g.Key, StringComparer.Create(Swedish, false))));
        programme.AddRange(ProgrammeCells("Roll", allPresent.GroupBy(f => RoleName(f.Role)).OrderBy(g => g.Key, StringComparer.Create(Swedish, false))));
        programme.AddRange(ProgrammeCells("Kön", ByGender(allPresent)));
        return new AttendanceStatisticsReport(perMeeting, programme);
    }

    /// <summary>
    /// Primary suppression of every count of one or two; then, if exactly one count of the group is
    /// suppressed, also the smallest other one, so that the group's total does not give it away.
    /// </summary>
    public static IReadOnlyList<int?> Suppress(IReadOnlyList<int> counts)
    {
        var result = counts.Select(c => c is > 0 and < MinimumGroupSize ? (int?)null : c).ToList();
        if (result.Count(c => c is null) == 1 && counts.Count > 1)
        {
            var smallestOther = Enumerable.Range(0, counts.Count).Where(i => result[i] is not null).MinBy(i => counts[i]);
            result[smallestOther] = null;
        }

        return result;
    }

    private static readonly System.Globalization.CultureInfo Swedish = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");

    private static IEnumerable<IGrouping<string, AttendanceFact>> ByGender(IEnumerable<AttendanceFact> facts) =>
        facts.GroupBy(f => string.IsNullOrWhiteSpace(f.Gender) ? NotStated : Capitalised(f.Gender.Trim()))
            .OrderBy(g => g.Key == NotStated).ThenBy(g => g.Key, StringComparer.Create(Swedish, false));

    private static string Capitalised(string value) => char.ToUpper(value[0], Swedish) + value[1..].ToLower(Swedish);

    private static List<StatisticsCell> Cells(IEnumerable<(string Group, int Count)> groups)
    {
        var list = groups.ToList();
        var suppressed = Suppress(list.Select(g => g.Count).ToList());
        return list.Select((g, i) => new StatisticsCell(g.Group, suppressed[i])).ToList();
    }

    private static IEnumerable<ProgrammeCell> ProgrammeCells(string dimension, IEnumerable<IGrouping<string, AttendanceFact>> groups)
    {
        var list = groups.Select(g => (g.Key, People: g.Select(f => f.PersonId).Distinct().Count(), Attendances: g.Count())).ToList();
        var people = Suppress(list.Select(g => g.People).ToList());
        return list.Select((g, i) => new ProgrammeCell(dimension, g.Key, people[i], people[i] is null ? null : g.Attendances));
    }
}
