using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Meetings.Tests.Domain;

/// <summary>Each scheduling rule, named as the API names it.</summary>
public sealed class SchedulingRulesTests
{
    private readonly ProgrammeCalendar _programme = TestMeetings.Programme();

    [Fact]
    public void Meetings_get_the_lowest_free_number_and_a_title_from_the_theme()
    {
        var others = new List<Meeting>();
        var first = TestMeetings.Schedule(_programme, TestMeetings.Plan(7), others);
        var second = TestMeetings.Schedule(_programme, TestMeetings.Plan(14, "Hållbara platser"), others);

        Assert.Equal((1, "Kollegialt utbyte 1: Extern samverkan"), (first.Number, first.Title));
        Assert.Equal((2, "Hållbara platser", MeetingStatus.Draft, 0), (second.Number, second.Theme, second.Status, second.Sequence));
    }

    [Fact]
    public void A_theme_is_matched_whatever_its_case_and_stored_as_the_programme_spells_it() =>
        Assert.Equal("Hållbart näringsliv", TestMeetings.Schedule(_programme, TestMeetings.Plan(7, " hållbart NÄRINGSLIV ")).Theme);

    [Fact]
    public void Outside_the_programme_period_in_its_own_time_zone()
    {
        // 23:30 UTC on the 31st of December 2022 is already 2023 in Stockholm.
        var late = new DateTimeOffset(2022, 12, 31, 23, 30, 0, TimeSpan.Zero);
        var plan = TestMeetings.Plan(7) with { StartsAt = late, EndsAt = late.AddHours(2) };

        AssertRule("meeting.outside-programme-period", () => TestMeetings.Schedule(_programme, plan));
        var lastEvening = new DateTimeOffset(2022, 12, 31, 18, 0, 0, TimeSpan.FromHours(1));
        Assert.NotNull(TestMeetings.Schedule(_programme, plan with { StartsAt = lastEvening, EndsAt = lastEvening.AddHours(4) }));
    }

    [Fact]
    public void Overlapping_meetings_of_the_programme_but_back_to_back_is_fine()
    {
        var others = new List<Meeting>();
        var first = TestMeetings.Schedule(_programme, TestMeetings.Plan(7), others);

        AssertRule("meeting.overlaps", () => TestMeetings.Schedule(_programme, TestMeetings.Plan(7) with { StartsAt = first.EndsAt.AddMinutes(-1), EndsAt = first.EndsAt.AddHours(1) }, others));
        Assert.NotNull(TestMeetings.Schedule(_programme, TestMeetings.Plan(7) with { StartsAt = first.EndsAt, EndsAt = first.EndsAt.AddHours(1) }, others));
    }

    [Fact]
    public void A_cancelled_meeting_neither_overlaps_nor_counts_against_the_plan()
    {
        var others = new List<Meeting>();
        var cancelled = TestMeetings.Schedule(_programme, TestMeetings.Plan(7), others);
        cancelled.Cancel("Flyttas", TestMeetings.Now);

        var replacement = TestMeetings.Schedule(_programme, TestMeetings.Plan(7), others);

        Assert.Equal(cancelled.Number, replacement.Number);
    }

    [Fact]
    public void No_more_meetings_than_planned()
    {
        var others = new List<Meeting>();
        for (var i = 1; i <= 6; i++)
        {
            TestMeetings.Schedule(_programme, TestMeetings.Plan(7 * i), others);
        }

        AssertRule("meeting.more-than-planned", () => TestMeetings.Schedule(_programme, TestMeetings.Plan(70), others));
    }

    [Fact]
    public void A_number_is_taken_once_and_lies_within_the_plan()
    {
        var others = new List<Meeting>();
        TestMeetings.Schedule(_programme, TestMeetings.Plan(7) with { Number = 3 }, others);

        AssertRule("meeting.number-taken", () => TestMeetings.Schedule(_programme, TestMeetings.Plan(14) with { Number = 3 }, others));
        AssertRule("meeting.number-out-of-range", () => TestMeetings.Schedule(_programme, TestMeetings.Plan(14) with { Number = 7 }, others));
    }

    [Fact]
    public void A_facilitator_is_not_double_booked_and_must_be_known()
    {
        var plan = TestMeetings.Plan(7, "Extern samverkan", TestMeetings.Facilitator);
        var elsewhere = Meeting.Schedule(Guid.NewGuid(), TestMeetings.Programme(), plan, TestMeetings.Context());

        AssertRule("meeting.facilitator-double-booked", () => Meeting.Schedule(Guid.NewGuid(), _programme, plan, TestMeetings.Context(bookings: [elsewhere])));
        AssertRule("meeting.unknown-facilitator", () => TestMeetings.Schedule(_programme, TestMeetings.Plan(7, "Extern samverkan", Guid.NewGuid())));
        elsewhere.Cancel(null, TestMeetings.Now);
        Assert.NotNull(Meeting.Schedule(Guid.NewGuid(), _programme, plan, TestMeetings.Context(bookings: [elsewhere])));
    }

    [Fact]
    public void Times_themes_and_places_that_make_no_sense_are_refused()
    {
        var plan = TestMeetings.Plan(7);

        AssertRule("meeting.ends-before-start", () => TestMeetings.Schedule(_programme, plan with { EndsAt = plan.StartsAt }));
        AssertRule("meeting.too-long", () => TestMeetings.Schedule(_programme, plan with { EndsAt = plan.StartsAt.AddDays(4) }));
        AssertRule("meeting.starts-in-the-past", () => TestMeetings.Schedule(_programme, plan with { StartsAt = TestMeetings.Now.AddHours(-1), EndsAt = TestMeetings.Now.AddHours(1) }));
        AssertRule("meeting.unknown-theme", () => TestMeetings.Schedule(_programme, plan with { Theme = "Rymdturism" }));
        AssertRule("meeting.place-missing", () => TestMeetings.Schedule(_programme, plan with { Venue = null, OnlineLink = "" }));
        Assert.NotNull(TestMeetings.Schedule(_programme, plan with { Venue = null, OnlineLink = "https://mote.example/1" }));
    }

    [Fact]
    public void Publishing_the_plan_needs_every_theme_and_something_to_publish()
    {
        var others = new List<Meeting>();
        foreach (var (theme, i) in ProgrammeCalendar.DefaultThemes.Take(4).Select((t, i) => (t, i)))
        {
            TestMeetings.Schedule(_programme, TestMeetings.Plan(7 * (i + 1), theme), others);
        }

        var rule = Assert.Throws<RuleViolationException>(() => SchedulingRules.CheckPlanPublishable(_programme, others));
        Assert.Equal("plan.theme-not-covered", rule.Rule);
        Assert.Contains("Hållbart näringsliv", rule.Message);

        var last = TestMeetings.Schedule(_programme, TestMeetings.Plan(50, "Hållbart näringsliv"), others);
        SchedulingRules.CheckPlanPublishable(_programme, others);
        others.ForEach(m => m.Publish(TestMeetings.Now));
        AssertRule("plan.nothing-to-publish", () => SchedulingRules.CheckPlanPublishable(_programme, others));

        last.Cancel(null, TestMeetings.Now);
        AssertRule("plan.theme-not-covered", () => SchedulingRules.CheckPlanPublishable(_programme, others));
    }

    internal static void AssertRule(string rule, Action action) => Assert.Equal(rule, Assert.Throws<RuleViolationException>(action).Rule);

    internal static void AssertRule(string rule, Func<object> action) => Assert.Equal(rule, Assert.Throws<RuleViolationException>(action).Rule);
}
