namespace KollegialtUtbyte.Regions.Domain;

/// <summary>
/// A peer-exchange programme (e.g. "Vägar till hållbar utveckling 2021–2022"): its period and
/// what it expects of each region's team. The regions taking part are its <see cref="Team"/>s.
/// </summary>
public sealed class Programme : IVersioned
{
    /// <summary>
    /// "Förutom projektledarna deltar fyra tjänstepersoner med nyckelfunktioner från varje region"
    /// (Kollegialt utbyte, Tillväxtverket).
    /// </summary>
    public const int DefaultExpectedKeyOfficials = 4;

    public const int MaxExpectedKeyOfficials = RegionsLimits.MaxExpectedKeyOfficials;

    private Programme()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>How many officials with key functions each region's team should have.</summary>
    public int ExpectedKeyOfficials { get; private set; }

    public string SearchText { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public long Version { get; set; }

    public static Programme Register(Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, DateTimeOffset now)
    {
        var programme = new Programme { Id = id, RegisteredAt = now };
        programme.Change(name, startsOn, endsOn, expectedKeyOfficials, largestTeamKeyOfficials: 0);
        return programme;
    }

    /// <param name="largestTeamKeyOfficials">The most key officials any of the programme's teams has now.</param>
    public void Change(string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, int largestTeamKeyOfficials)
    {
        Name = Text.Required(name, "programme.name-required", "Ett program måste ha ett namn.");
        if (endsOn < startsOn)
        {
            throw new RuleViolationException("programme.period", $"Programmet kan inte sluta ({endsOn:yyyy-MM-dd}) innan det börjar ({startsOn:yyyy-MM-dd}).");
        }

        if (expectedKeyOfficials is < 1 or > MaxExpectedKeyOfficials)
        {
            throw new RuleViolationException("programme.expected-key-officials",
                $"Antalet tjänstepersoner med nyckelfunktion per region ska vara mellan 1 och {MaxExpectedKeyOfficials}.");
        }

        if (expectedKeyOfficials < largestTeamKeyOfficials)
        {
            throw new RuleViolationException("programme.expected-below-team",
                $"Ett team har redan {largestTeamKeyOfficials} tjänstepersoner med nyckelfunktion; ta bort några innan förväntan sänks till {expectedKeyOfficials}.");
        }

        StartsOn = startsOn;
        EndsOn = endsOn;
        ExpectedKeyOfficials = expectedKeyOfficials;
        SearchText = Text.SearchTextOf(Name);
    }
}
