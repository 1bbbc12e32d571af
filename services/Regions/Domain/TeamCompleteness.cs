namespace KollegialtUtbyte.Regions.Domain;

/// <summary>
/// How a team compares with what the programme expects: at least one project leader, the
/// expected number of officials with key functions, and one politician.
/// </summary>
public sealed record TeamCompleteness(
    int ProjectLeaders,
    int KeyOfficials,
    int ExpectedKeyOfficials,
    bool HasPolitician,
    bool HasSubstitutePolitician)
{
    public bool IsComplete => ProjectLeaders > 0 && KeyOfficials >= ExpectedKeyOfficials && HasPolitician;

    /// <summary>E.g. "3 av 4 tjänstepersoner med nyckelfunktion".</summary>
    public string Summary => $"{KeyOfficials} av {ExpectedKeyOfficials} tjänstepersoner med nyckelfunktion";

    /// <summary>E.g. "3 of 4 key officials".</summary>
    public string SummaryEnglish => $"{KeyOfficials} of {ExpectedKeyOfficials} key officials";

    /// <summary>What the team still lacks, in Swedish, one line per gap.</summary>
    public IReadOnlyList<string> Missing
    {
        get
        {
            var missing = new List<string>();
            if (ProjectLeaders == 0)
            {
                missing.Add("Projektledare saknas");
            }

            var lacking = ExpectedKeyOfficials - KeyOfficials;
            if (lacking > 0)
            {
                missing.Add(lacking == 1
                    ? "1 tjänsteperson med nyckelfunktion saknas"
                    : $"{lacking} tjänstepersoner med nyckelfunktion saknas");
            }

            if (!HasPolitician)
            {
                missing.Add("Politiker saknas");
            }

            return missing;
        }
    }
}
