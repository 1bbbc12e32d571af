namespace KollegialtUtbyte.Regions.Domain;

/// <summary>
/// A person of the consultancy who can be assigned to lead meetings ("Träffarna processleds av
/// personal från konsultbolaget", Kollegialt utbyte).
/// </summary>
public sealed class Facilitator
{
    private Facilitator()
    {
    }

    public Guid PersonId { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <param name="organisation">The person's organisation, or null when they belong to a region.</param>
    public static Facilitator Appoint(Person person, Organisation? organisation, bool alreadyFacilitator, DateTimeOffset now)
    {
        if (alreadyFacilitator)
        {
            throw new RuleViolationException("facilitator.already-added", $"{person.Name} är redan processledare.");
        }

        if (organisation?.Kind != OrganisationKind.Consultancy || person.OrganisationId != organisation.Id)
        {
            throw new RuleViolationException("facilitator.not-consultancy",
                $"{person.Name} arbetar inte på ett konsultbolag. Processledare kommer från konsultbolaget som leder träffarna.");
        }

        return new Facilitator { PersonId = person.Id, AddedAt = now };
    }
}
