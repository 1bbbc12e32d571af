namespace KollegialtUtbyte.Meetings.Tests.Domain;

/// <summary>Programmes and meetings for the domain tests, without a database.</summary>
internal static class TestMeetings
{
    public static readonly DateTimeOffset Now = new(2021, 1, 11, 8, 0, 0, TimeSpan.Zero);

    public static readonly Guid Facilitator = Guid.NewGuid();

    public static ProgrammeCalendar Programme() =>
        ProgrammeCalendar.Create(Guid.NewGuid(), "Test", new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), 4);

    /// <summary>09:30–15:30 Stockholm winter time, <paramref name="days"/> after the 11th of January 2021.</summary>
    public static MeetingPlan Plan(int days, string theme = "Extern samverkan", params Guid[] facilitators)
    {
        var starts = new DateTimeOffset(2021, 1, 11, 9, 30, 0, TimeSpan.FromHours(1)).AddDays(days);
        return new MeetingPlan(null, null, theme, starts, starts.AddHours(6), "Karlstad", null, facilitators);
    }

    public static SchedulingContext Context(IEnumerable<Meeting>? programmeMeetings = null, IEnumerable<Meeting>? bookings = null, DateTimeOffset? now = null) =>
        new(now ?? Now, (programmeMeetings ?? []).ToList(), (bookings ?? []).ToList(), new HashSet<Guid> { Facilitator });

    public static Meeting Schedule(ProgrammeCalendar programme, MeetingPlan plan, List<Meeting>? others = null)
    {
        others ??= [];
        var meeting = Meeting.Schedule(Guid.NewGuid(), programme, plan, Context(others));
        others.Add(meeting);
        return meeting;
    }
}
