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

    /// <summary>The registry's format of the exchange: a programme, a strategic dialogue or a member network.</summary>
    public ExchangeFormat Format { get; private set; }

    /// <summary>A strategic dialogue's one question.</summary>
    public string? Question { get; private set; }

    /// <summary>Who leads a strategic dialogue (the county governor).</summary>
    public Guid? LeaderPersonId { get; private set; }

    /// <summary>A member network's convener; signs its protocols with the secretary.</summary>
    public Guid? ConvenerPersonId { get; private set; }

    public Guid? SecretaryPersonId { get; private set; }

    public bool IsProgramme => Format == ExchangeFormat.Programme;

    /// <summary>A member network has no planned number of meetings: it meets until it stops.</summary>
    public bool IsOpenEnded => Format == ExchangeFormat.MemberNetwork && PlannedMeetings == 0;

    public static ProgrammeCalendar Create(Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials) =>
        Create(id, name, startsOn, endsOn, expectedKeyOfficials, ExchangeRoles.Programme);

    public static ProgrammeCalendar Create(Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, ExchangeRoles roles)
    {
        var calendar = new ProgrammeCalendar
        {
            Id = id,
            Name = name,
            StartsOn = startsOn,
            EndsOn = endsOn,
            TimeZone = DefaultTimeZone,
            ExpectedKeyOfficials = expectedKeyOfficials > 0 ? expectedKeyOfficials : DefaultExpectedKeyOfficials,
        };
        calendar.TakeFormat(roles.Format);
        calendar.TakeRoles(roles);
        return calendar;
    }

    public static ProgrammeCalendar FromRegistry(Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, DateTimeOffset occurredAt) =>
        FromRegistry(id, name, startsOn, endsOn, expectedKeyOfficials, ExchangeRoles.Programme, occurredAt);

    public static ProgrammeCalendar FromRegistry(Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, ExchangeRoles roles, DateTimeOffset occurredAt)
    {
        var calendar = Create(id, name, startsOn, endsOn, expectedKeyOfficials, roles);
        calendar.RegistryChangedAt = occurredAt;
        return calendar;
    }

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>
    /// Takes the registry's name and period unless the news is older than what we have (events may
    /// arrive out of order). The calendar's own settings stay as the administrators left them.
    /// </summary>
    public bool ApplyRegistry(string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, DateTimeOffset occurredAt) =>
        ApplyRegistry(name, startsOn, endsOn, expectedKeyOfficials, ExchangeRoles.Programme, occurredAt);

    /// <summary>
    /// As above, with the exchange's format and roles. The registry fixes the format at registration;
    /// a calendar the seeder made before the registry spoke takes the registry's format and its defaults.
    /// </summary>
    public bool ApplyRegistry(string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, ExchangeRoles roles, DateTimeOffset occurredAt)
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

        if (roles.Format != Format)
        {
            TakeFormat(roles.Format);
        }

        TakeRoles(roles);
        RegistryChangedAt = occurredAt;
        return true;
    }

    /// <summary>The role a person holds in signing a network's protocol, if any.</summary>
    public ProtocolSignerRole? SignerRoleOf(Guid personId) =>
        Format != ExchangeFormat.MemberNetwork ? null
        : personId == ConvenerPersonId ? ProtocolSignerRole.Convener
        : personId == SecretaryPersonId ? ProtocolSignerRole.Secretary
        : null;

    /// <summary>Who is invited because of their role in the exchange: the dialogue's leader, the network's convener and secretary.</summary>
    public IReadOnlyList<Guid> RoleHolders() =>
        new[] { LeaderPersonId, ConvenerPersonId, SecretaryPersonId }.OfType<Guid>().Distinct().ToList();

    private void TakeFormat(ExchangeFormat format)
    {
        Format = format;
        (Themes, PlannedMeetings, PoliticianShare) = format switch
        {
            // A dialogue is one meeting on one question; a network meets open-ended; neither has a politicians' quota.
            ExchangeFormat.StrategicDialogue => (new List<string>(), 1, 0m),
            ExchangeFormat.MemberNetwork => (new List<string>(), 0, 0m),
            _ => ([.. DefaultThemes], DefaultPlannedMeetings, DefaultPoliticianShare),
        };
    }

    private void TakeRoles(ExchangeRoles roles)
    {
        Question = string.IsNullOrWhiteSpace(roles.Question) ? null : roles.Question.Trim();
        LeaderPersonId = roles.LeaderPersonId;
        ConvenerPersonId = roles.ConvenerPersonId;
        SecretaryPersonId = roles.SecretaryPersonId;
    }

    /// <summary>Changes the calendar's own settings; meetings already scheduled must still fit them.</summary>
    /// <remarks>
    /// A dialogue or a network has no themes to demand and no politicians' quota: only its time zone
    /// (and any themes given) change; its number of meetings and share stay as its format sets them.
    /// </remarks>
    public void ChangeSettings(CalendarSettings settings, int meetingsScheduled, IReadOnlyCollection<string> themesInUse)
    {
        if (!TimeZones.Exists(settings.TimeZone))
        {
            throw new RuleViolationException("programme.unknown-time-zone", $"Tidszonen '{settings.TimeZone}' finns inte (t.ex. Europe/Stockholm).");
        }

        var themes = settings.Themes.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        if (!IsProgramme)
        {
            if (themes.Distinct(StringComparer.OrdinalIgnoreCase).Count() != themes.Count)
            {
                throw new RuleViolationException("programme.duplicate-theme", "Varje tema får bara finnas en gång.");
            }

            TimeZone = settings.TimeZone;
            Themes = themes;
            return;
        }
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

    /// <summary>
    /// The theme a meeting takes: one of a programme's themes (null if it is none of them); for a
    /// dialogue or a network any text, and the question (or the name) when none is given.
    /// </summary>
    public string? ThemeFor(string? theme) =>
        IsProgramme ? ThemeNamed(theme ?? "")
        : ThemeNamed(theme ?? "") ?? (string.IsNullOrWhiteSpace(theme) ? Question ?? Name : theme.Trim());

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

/// <summary>The format and roles of an exchange as the registry announces them (absent: a programme).</summary>
public sealed record ExchangeRoles(ExchangeFormat Format, string? Question, Guid? LeaderPersonId, Guid? ConvenerPersonId, Guid? SecretaryPersonId)
{
    public static readonly ExchangeRoles Programme = new(ExchangeFormat.Programme, null, null, null, null);
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
