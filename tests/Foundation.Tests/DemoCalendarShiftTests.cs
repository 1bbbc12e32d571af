using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>The demo programme of 2021–2022 moved ahead of today for live demos, the same way in every service.</summary>
public sealed class DemoCalendarShiftTests
{
    private static readonly DateOnly ProgrammeStart = new(2021, 1, 1);

    private static IConfiguration Settings(bool move) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Seeds:MoveDemoIntoFuture"] = move ? "true" : "false" }).Build();

    [Fact]
    public void Without_the_setting_the_seed_dates_stay_as_the_documents_give_them()
    {
        var shift = DemoCalendarShift.For(Settings(move: false), new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero)), ProgrammeStart);

        Assert.Equal(0, shift.Years);
        Assert.Equal("Vägar till hållbar utveckling 2021–2022", shift.Name("Vägar till hållbar utveckling 2021–2022"));
    }

    [Fact]
    public void With_the_setting_the_programme_starts_after_today_and_meetings_keep_their_weekday()
    {
        var shift = DemoCalendarShift.For(Settings(move: true), new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero)), ProgrammeStart);

        Assert.Equal(6, shift.Years);
        Assert.Equal(new DateOnly(2027, 1, 1), shift.Date(ProgrammeStart));
        Assert.Equal("Vägar till hållbar utveckling 2027–2028", shift.Name("Vägar till hållbar utveckling 2021–2022"));
        var wednesday = new DateOnly(2021, 3, 17);
        var moved = shift.SameWeekday(wednesday);
        Assert.Equal(DayOfWeek.Wednesday, moved.DayOfWeek);
        Assert.InRange(moved.DayNumber - wednesday.AddYears(6).DayNumber, -3, 3);
    }

    [Fact]
    public void A_programme_still_ahead_does_not_move()
    {
        var shift = DemoCalendarShift.For(Settings(move: true), new FakeTimeProvider(new DateTimeOffset(2020, 12, 1, 8, 0, 0, TimeSpan.Zero)), ProgrammeStart);

        Assert.Equal(0, shift.Years);
    }
}
