using static KollegialtUtbyte.Meetings.Tests.Domain.SchedulingRulesTests;

namespace KollegialtUtbyte.Meetings.Tests.Domain;

/// <summary>Registry numbers, secret tokens, the programme calendar's settings and the local copies' tolerance of reordering.</summary>
public sealed class SmallRulesTests
{
    [Theory]
    [InlineData("KU-{year}-{seq:000}", "KU-2021-007")]
    [InlineData("{seq}/{year}", "7/2021")]
    [InlineData("Dnr {year}/{seq:0000}-M{meeting}-v{revision}", "Dnr 2021/0007-M3-v2")]
    public void A_registry_number_follows_its_pattern(string pattern, string expected) =>
        Assert.Equal(expected, new RegistryNumberPattern(pattern).Format(new RegistryNumberContext(2021, 3, 2, 7)));

    [Theory]
    [InlineData("KU-{year}")]
    [InlineData("KU-{seq}-{month}")]
    [InlineData("")]
    [InlineData("{seq}-Kollegialt utbyte, Vägar till hållbar utveckling, protokoll")]
    public void A_pattern_without_a_running_number_or_with_unknown_parts_is_refused(string pattern) =>
        Assert.Throws<ArgumentException>(() => new RegistryNumberPattern(pattern));

    [Fact]
    public void A_programme_issues_registry_numbers_in_sequence_skipping_taken_ones()
    {
        var programme = TestMeetings.Programme();
        var pattern = new RegistryNumberPattern(RegistryNumberPattern.Default);
        var taken = new HashSet<string> { "KU-2021-002" };

        var first = programme.IssueRegistryNumber(pattern, new RegistryNumberContext(2021, 1, 1), taken.Contains);
        var second = programme.IssueRegistryNumber(pattern, new RegistryNumberContext(2021, 2, 1), taken.Contains);

        Assert.Equal(("KU-2021-001", "KU-2021-003"), (first, second));
    }

    [Fact]
    public void Secret_tokens_carry_256_random_bits_and_only_their_hash_is_kept()
    {
        var (token, hash) = SecretToken.Create();
        var (other, _) = SecretToken.Create();

        Assert.Equal(43, token.Length);
        Assert.NotEqual(token, other);
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, SecretToken.Hash(token));
        Assert.NotEqual(hash, SecretToken.Hash(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.True(SecretToken.IsWellFormed(token));
        Assert.False(SecretToken.IsWellFormed(token[..^1]));
        Assert.False(SecretToken.IsWellFormed(token[..^1] + "="));
        Assert.False(SecretToken.IsWellFormed(null));
    }

    [Fact]
    public void The_calendar_settings_keep_scheduled_meetings_valid()
    {
        var programme = TestMeetings.Programme();
        var settings = new CalendarSettings("Europe/Stockholm", [.. ProgrammeCalendar.DefaultThemes], 6, 0.5m);

        AssertRule("programme.unknown-time-zone", () => programme.ChangeSettings(settings with { TimeZone = "Europe/Atlantis" }, 0, []));
        AssertRule("programme.no-themes", () => programme.ChangeSettings(settings with { Themes = [" "] }, 0, []));
        AssertRule("programme.theme-in-use", () => programme.ChangeSettings(settings with { Themes = ["Hållbar styrning"] }, 1, ["Extern samverkan"]));
        AssertRule("programme.fewer-planned-than-scheduled", () => programme.ChangeSettings(settings with { PlannedMeetings = 2 }, 3, []));
        AssertRule("programme.invalid-politician-share", () => programme.ChangeSettings(settings with { PoliticianShare = 1.5m }, 0, []));

        programme.ChangeSettings(settings with { Themes = [" Extern samverkan ", "Hållbar styrning"], PlannedMeetings = 4, TimeZone = "Europe/Helsinki" }, 2, ["extern samverkan"]);
        Assert.Equal(["Extern samverkan", "Hållbar styrning"], programme.Themes);
        Assert.Equal((4, "Europe/Helsinki"), (programme.PlannedMeetings, programme.TimeZone));
    }

    [Fact]
    public void Older_registry_news_does_not_overwrite_newer()
    {
        var programme = ProgrammeCalendar.FromRegistry(Guid.NewGuid(), "Nytt", new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), 4, TestMeetings.Now);

        Assert.False(programme.ApplyRegistry("Gammalt", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), 5, TestMeetings.Now.AddMinutes(-1)));
        Assert.True(programme.ApplyRegistry("Nyare", new DateOnly(2021, 1, 1), new DateOnly(2023, 6, 30), 5, TestMeetings.Now.AddMinutes(1)));
        Assert.Equal(("Nyare", new DateOnly(2023, 6, 30), 5), (programme.Name, programme.EndsOn, programme.ExpectedKeyOfficials));
    }

    [Fact]
    public void A_quota_warning_is_due_once_per_turn_for_the_worse()
    {
        var state = PoliticianQuotaState.Initial(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), TestMeetings.Now);

        Assert.False(state.Update(QuotaStatus.OnTrack, state.RegionId, TestMeetings.Now));
        Assert.True(state.Update(QuotaStatus.AtRisk, state.RegionId, TestMeetings.Now));
        Assert.False(state.Update(QuotaStatus.AtRisk, state.RegionId, TestMeetings.Now));
        Assert.True(state.Update(QuotaStatus.Unreachable, state.RegionId, TestMeetings.Now));
        Assert.False(state.Update(QuotaStatus.OnTrack, state.RegionId, TestMeetings.Now));
        Assert.True(state.Update(QuotaStatus.AtRisk, state.RegionId, TestMeetings.Now));
    }
}
