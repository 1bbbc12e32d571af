namespace KollegialtUtbyte.Regions.Domain;

/// <summary>
/// An organisation that is not a region: the agency that runs the programme, the consultancy
/// whose staff facilitate the meetings, or another participant.
/// </summary>
public sealed class Organisation : IVersioned
{
    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public OrganisationKind Kind { get; private set; }

    public string SearchText { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public long Version { get; set; }

    public static Organisation Register(Guid id, string name, OrganisationKind kind, DateTimeOffset now)
    {
        var organisation = new Organisation { Id = id, RegisteredAt = now };
        organisation.Change(name, kind, hasFacilitators: false);
        return organisation;
    }

    /// <param name="hasFacilitators">Some of the organisation's people are facilitators.</param>
    public void Change(string name, OrganisationKind kind, bool hasFacilitators)
    {
        if (kind == OrganisationKind.Region)
        {
            throw new RuleViolationException("organisation.region-kind",
                "Regioner registreras som regioner (med länskod), inte som övriga organisationer.");
        }

        if (hasFacilitators && kind != OrganisationKind.Consultancy)
        {
            throw new RuleViolationException("organisation.has-facilitators",
                "Organisationens processledare måste tas bort innan den slutar vara ett konsultbolag.");
        }

        Name = Text.Required(name, "organisation.name-required", "En organisation måste ha ett namn.");
        Kind = kind;
        SearchText = Text.SearchTextOf(Name);
    }
}
