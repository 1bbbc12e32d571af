using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Regions.Domain;

/// <summary>Languages the suite writes to people in.</summary>
public static class Languages
{
    public const string Swedish = "sv";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Swedish, English];
}

/// <summary>
/// Self-declared gender, optional. Used only for participation statistics shown aggregated
/// (the regions report on gender-equal regional growth); never shown next to a name to others.
/// </summary>
public static class Genders
{
    public const string Woman = "woman";
    public const string Man = "man";
    public const string NonBinary = "non-binary";

    public static readonly IReadOnlyList<string> All = [Woman, Man, NonBinary];
}

/// <summary>What a person says about themselves.</summary>
public sealed record PersonDetails(
    string Name,
    string Email,
    string? Phone,
    string? Title,
    string PreferredLanguage,
    string? Gender,
    bool ShareContactDetails);

/// <summary>Where a person works: a region or another organisation, never both.</summary>
public sealed record Affiliation(Guid? RegionId, Guid? OrganisationId)
{
    public static Affiliation OfRegion(Guid regionId) => new(regionId, null);

    public static Affiliation OfOrganisation(Guid organisationId) => new(null, organisationId);

    public void EnsureExactlyOne()
    {
        if (RegionId is null == OrganisationId is null)
        {
            throw new RuleViolationException("person.affiliation",
                "En person hör till antingen en region eller en annan organisation – ange exakt en av dem.");
        }
    }
}

/// <summary>Someone in the directory: a region's team member, a facilitator, an administrator.</summary>
public sealed class Person : IVersioned
{
    private Person()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The address in the form that makes it unique (one person per e-mail address).</summary>
    public string NormalizedEmail { get; private set; } = "";

    public string? Phone { get; private set; }

    public string? Title { get; private set; }

    public Guid? RegionId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string PreferredLanguage { get; private set; } = Languages.Swedish;

    public string? Gender { get; private set; }

    /// <summary>
    /// The person allows people of other regions to see their e-mail and phone. Matters for
    /// politicians, whose contact details are otherwise shown only within their own region.
    /// </summary>
    public bool ShareContactDetails { get; private set; }

    public string SearchText { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public long Version { get; set; }

    public Affiliation Affiliation => new(RegionId, OrganisationId);

    public static Person Register(Guid id, PersonDetails details, Affiliation affiliation, DateTimeOffset now)
    {
        var person = new Person { Id = id, RegisteredAt = now };
        person.ChangeDetails(details);
        person.MoveTo(affiliation, isTeamMember: false);
        return person;
    }

    public void ChangeDetails(PersonDetails details)
    {
        Name = Text.Required(details.Name, "person.name-required", "En person måste ha ett namn.");
        if (!EmailAddresses.IsWellFormed(details.Email))
        {
            throw new RuleViolationException("person.email-format", $"'{details.Email}' är ingen giltig e-postadress.");
        }

        Email = details.Email.Trim();
        NormalizedEmail = EmailAddresses.Normalize(details.Email);
        Phone = Text.Optional(details.Phone);
        Title = Text.Optional(details.Title);
        PreferredLanguage = Languages.All.Contains(details.PreferredLanguage)
            ? details.PreferredLanguage
            : throw new RuleViolationException("person.language", "Språket måste vara 'sv' eller 'en'.");
        Gender = details.Gender is null || Genders.All.Contains(details.Gender)
            ? details.Gender
            : throw new RuleViolationException("person.gender", "Kön anges som 'woman', 'man', 'non-binary' eller lämnas tomt.");
        ShareContactDetails = details.ShareContactDetails;
        SearchText = Text.SearchTextOf(Name, Email, Title);
    }

    /// <summary>
    /// Moves the person to another region or organisation. Not while they sit in a region's
    /// team or facilitate for their consultancy: that place would silently belong to the wrong
    /// organisation.
    /// </summary>
    public void MoveTo(Affiliation affiliation, bool isTeamMember, bool isFacilitator = false)
    {
        affiliation.EnsureExactlyOne();
        if (affiliation == Affiliation)
        {
            return;
        }

        if (isTeamMember)
        {
            throw new RuleViolationException("person.team-member",
                "Personen ingår i en regions team. Ta bort personen ur teamet innan hen flyttas till en annan organisation.");
        }

        if (isFacilitator)
        {
            throw new RuleViolationException("person.facilitator",
                "Personen är processledare för sitt konsultbolag. Ta bort uppdraget innan hen flyttas till en annan organisation.");
        }

        RegionId = affiliation.RegionId;
        OrganisationId = affiliation.OrganisationId;
    }
}
