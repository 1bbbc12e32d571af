namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>
/// A programme as the meeting scheduling sees it: the period and name come from the programme
/// registry (the Regions service); the time zone, themes, planned number of meetings and the
/// politicians' share are the calendar's own and editable by administrators.
/// </summary>
public sealed class ProgrammeCalendar : IVersioned
{
    /// <summary>The five themes of the programme (seed 001: "fem teman").</summary>
    public static readonly IReadOnlyList<string> DefaultThemes =
        ["Extern samverkan", "Hållbar besöksnäring", "Hållbar styrning", "Hållbara platser", "Hållbart näringsliv"];

    public const string DefaultTimeZone = "Europe/Stockholm";

    /// <summary>"arrangeras sex gånger under 2021 - 2022" (seed 001).</summary>
    public const int DefaultPlannedMeetings = 6;

    /// <summary>"En politiker från varje region ska också delta på hälften av träffarna" (seed 001).</summary>
    public const decimal DefaultPoliticianShare = 0.5m;

    /// <summary>"fyra tjänstepersoner med nyckelfunktioner från varje region" (seed 001).</summary>
    public const int DefaultExpectedKeyOfficials = 4;

    private ProgrammeCalendar()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public string TimeZone { get; private set; } = DefaultTimeZone;

    public List<string> Themes { get; private set; } = [];

    public int PlannedMeetings { get; private set; }

    public decimal PoliticianShare { get; private set; }

    public int ExpectedKeyOfficials { get; private set; }

    /// <summary>When the registry last told us about the programme; older registry events are ignored.</summary>
    public DateTimeOffset? RegistryChangedAt { get; private set; }

    public DateTimeOffset? PlanPublishedAt { get; private set; }

    /// <summary>How many registry numbers this programme has issued (the <c>{seq}</c> of the pattern).</summary>
    public int RegistryNumbersIssued { get; private set; }

    public long Version { get; set; }

    public static ProgrammeCalendar Create(Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials) => new()
    {
        Id = id,
        Name = name,
        StartsOn = startsOn,
        EndsOn = endsOn,
        TimeZone = DefaultTimeZone,
        Themes = [.. DefaultThemes],
        PlannedMeetings = DefaultPlannedMeetings,
        PoliticianShare = DefaultPoliticianShare,
        ExpectedKeyOfficials = expectedKeyOfficials > 0 ? expectedKeyOfficials : DefaultExpectedKeyOfficials,
    };

    public static ProgrammeCalendar FromRegistry(Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, DateTimeOffset occurredAt)
    {
        var calendar = Create(id, name, startsOn, endsOn, expectedKeyOfficials);
        calendar.RegistryChangedAt = occurredAt;
        return calendar;
    }

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>
    /// Takes the registry's name and period unless the news is older than what we have (events may
    /// arrive out of order). The calendar's own settings stay as the administrators left them.
    /// </summary>
    public bool ApplyRegistry(string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, DateTimeOffset occurredAt)
    {
        if (RegistryChangedAt is { } known && occurredAt < known)
        {
            return false;
        }

        Name = name;
        StartsOn = startsOn;
        EndsOn = endsOn;
        if (expectedKeyOfficials > 0)
        {
            ExpectedKeyOfficials = expectedKeyOfficials;
        }

        RegistryChangedAt = occurredAt;
        return true;
    }

    /// <summary>Changes the calendar's own settings; meetings already scheduled must still fit them.</summary>
    public void ChangeSettings(CalendarSettings settings, int meetingsScheduled, IReadOnlyCollection<string> themesInUse)
    {
        if (!TimeZones.Exists(settings.TimeZone))
        {
            throw new RuleViolationException("programme.unknown-time-zone", $"Tidszonen '{settings.TimeZone}' finns inte (t.ex. Europe/Stockholm).");
        }

        var themes = settings.Themes.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        if (themes.Count == 0)
        {
            throw new RuleViolationException("programme.no-themes", "Programmet behöver minst ett tema.");
        }

        if (themes.Distinct(StringComparer.OrdinalIgnoreCase).Count() != themes.Count)
        {
            throw new RuleViolationException("programme.duplicate-theme", "Varje tema får bara finnas en gång.");
        }

        var removedInUse = themesInUse.Where(used => !themes.Contains(used, StringComparer.OrdinalIgnoreCase)).ToList();
        if (removedInUse.Count > 0)
        {
            throw new RuleViolationException("programme.theme-in-use",
                $"Temat {string.Join(", ", removedInUse.Select(t => $"'{t}'"))} används av en träff och kan inte tas bort.");
        }

        if (settings.PlannedMeetings < meetingsScheduled)
        {
            throw new RuleViolationException("programme.fewer-planned-than-scheduled",
                $"{meetingsScheduled} träffar är redan schemalagda; planera minst så många.");
        }

        if (settings.PoliticianShare is <= 0m or > 1m)
        {
            throw new RuleViolationException("programme.invalid-politician-share", "Politikernas andel måste vara större än 0 och högst 1 (t.ex. 0,5 för hälften).");
        }

        TimeZone = settings.TimeZone;
        Themes = themes;
        PlannedMeetings = settings.PlannedMeetings;
        PoliticianShare = settings.PoliticianShare;
    }

    public string? ThemeNamed(string theme) => Themes.FirstOrDefault(t => string.Equals(t, theme.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool Covers(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var zone = Zone;
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startsAt, zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(endsAt, zone).DateTime);
        return firstDay >= StartsOn && lastDay <= EndsOn;
    }

    public void MarkPlanPublished(DateTimeOffset now) => PlanPublishedAt = now;

    /// <summary>Issues the next registry number of the programme, skipping any already taken.</summary>
    public string IssueRegistryNumber(RegistryNumberPattern pattern, RegistryNumberContext context, Func<string, bool> isTaken)
    {
        while (true)
        {
            RegistryNumbersIssued++;
            var number = pattern.Format(context with { Sequence = RegistryNumbersIssued });
            if (!isTaken(number))
            {
                return number;
            }
        }
    }
}

public sealed record CalendarSettings(string TimeZone, IReadOnlyList<string> Themes, int PlannedMeetings, decimal PoliticianShare);

public static class TimeZones
{
    public static bool Exists(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
