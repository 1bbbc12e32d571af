namespace KollegialtUtbyte.Regions.Domain;

/// <summary>
/// Rules that need to know what else is in the directory. The caller looks that up and passes
/// the answer; the rule and its wording live here.
/// </summary>
public static class DirectoryRules
{
    public static void EnsureEmailFree(string email, bool takenByAnother)
    {
        if (takenByAnother)
        {
            throw new RuleViolationException("person.email-taken", $"E-postadressen {email.Trim()} används redan av en annan person.");
        }
    }

    public static void EnsureRegionNameFree(string name, bool takenByAnother)
    {
        if (takenByAnother)
        {
            throw new RuleViolationException("region.name-taken", $"Det finns redan en region som heter {name.Trim()}.");
        }
    }

    public static void EnsureCountyCodeFree(string countyCode, bool takenByAnother)
    {
        if (takenByAnother)
        {
            throw new RuleViolationException("region.county-code-taken", $"Länskoden {countyCode.Trim()} hör redan till en annan region.");
        }
    }

    public static void EnsureOrganisationNameFree(string name, bool takenByAnother)
    {
        if (takenByAnother)
        {
            throw new RuleViolationException("organisation.name-taken", $"Det finns redan en organisation som heter {name.Trim()}.");
        }
    }

    /// <summary>A request referred to something (a region, a person) that is not in the directory.</summary>
    public static RuleViolationException Unknown(string what, Guid id) =>
        new($"{what}.unknown", $"Det finns ingen {SwedishNameOf(what)} med id {id}.");

    public static void EnsureRegionNotYetParticipating(string regionName, bool participating)
    {
        if (participating)
        {
            throw new RuleViolationException("programme.region-already-participating", $"{regionName} deltar redan i programmet.");
        }
    }

    private static string SwedishNameOf(string what) => what switch
    {
        "region" => "region",
        "organisation" => "organisation",
        "person" => "person",
        "programme" => "program",
        _ => what,
    };
}
