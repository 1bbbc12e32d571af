namespace KollegialtUtbyte.Regions.Domain;

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

    /// <summary>The address the suite signs in and mails with; none once the person is erased.</summary>
    public string? Email { get; private set; }

    /// <summary>The address in the form that makes it unique (one person per e-mail address).</summary>
    public string? NormalizedEmail { get; private set; }

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

    /// <summary>
    /// An address someone asked to change to, waiting for its owner to confirm it from the link
    /// mailed to it. Until then <see cref="Email"/> stays the address the suite signs in and
    /// mails with.
    /// </summary>
    public string? PendingEmail { get; private set; }

    public string? NormalizedPendingEmail { get; private set; }

    /// <summary>The change the pending address belongs to; only its confirmation adopts it.</summary>
    public Guid? PendingEmailChangeId { get; private set; }

    /// <summary>Who asked for the pending address, for the audit entry once it is confirmed.</summary>
    public Guid? PendingEmailRequestedBy { get; private set; }

    /// <summary>Name and title, lower-cased, for everyone's search. The e-mail address is searched separately, only where the searcher may see it.</summary>
    public string SearchText { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// When the person was erased (GDPR art. 17): the entry stays as a pseudonym so what she did
    /// (team places, working groups) still has someone to point at, and it cannot change again.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public long Version { get; set; }

    public Affiliation Affiliation => new(RegionId, OrganisationId);

    /// <summary>
    /// The address in use, for what is published or mailed about the person. An erased person has
    /// none: nothing about her may be published again.
    /// </summary>
    public string EmailInUse => Email ?? throw ErasedException();

    public static Person Register(Guid id, PersonDetails details, Affiliation affiliation, DateTimeOffset now)
    {
        var person = new Person { Id = id, RegisteredAt = now };
        person.AdoptEmail(details.Email);
        person.ChangeDetails(details);
        person.MoveTo(affiliation, isTeamMember: false);
        return person;
    }

    /// <summary>
    /// Changes everything but the e-mail address, which changes through
    /// <see cref="RequestEmailChange"/> (or, by an administrator, <see cref="SetEmailDirectly"/>).
    /// </summary>
    public void ChangeDetails(PersonDetails details)
    {
        EnsureNotErased();
        Name = Text.Required(details.Name, "person.name-required", "En person måste ha ett namn.");
        Phone = Text.Optional(details.Phone);
        Title = Text.Optional(details.Title);
        PreferredLanguage = Languages.All.Contains(details.PreferredLanguage)
            ? details.PreferredLanguage
            : throw new RuleViolationException("person.language", "Språket måste vara 'sv' eller 'en'.");
        Gender = details.Gender is null || Genders.All.Contains(details.Gender)
            ? details.Gender
            : throw new RuleViolationException("person.gender", "Kön anges som 'woman', 'man', 'non-binary' eller lämnas tomt.");
        ShareContactDetails = details.ShareContactDetails;
        SearchText = Text.SearchTextOf(Name, Title);
    }

    /// <summary>
    /// Whether <paramref name="email"/> is another mailbox than the current one. Another spelling
    /// of the same address ("Eva@Region.example") is not: it is adopted at once.
    /// </summary>
    public bool IsNewAddress(string email)
    {
        EnsureNotErased();
        EnsureWellFormed(email);
        if (EmailAddresses.Normalize(email) != NormalizedEmail)
        {
            return true;
        }

        Email = email.Trim();
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="email"/> as pending until its owner confirms it. Returns false when
    /// that address is already pending (the earlier request and its links still stand).
    /// </summary>
    public bool RequestEmailChange(string email, Guid changeId, Guid? requestedBy)
    {
        EnsureNotErased();
        EnsureWellFormed(email);
        var normalized = EmailAddresses.Normalize(email);
        if (normalized == NormalizedPendingEmail)
        {
            return false;
        }

        PendingEmail = email.Trim();
        NormalizedPendingEmail = normalized;
        PendingEmailChangeId = changeId;
        PendingEmailRequestedBy = requestedBy;
        return true;
    }

    /// <summary>An administrator's direct change, without confirmation (audited by the caller). Drops a pending address.</summary>
    public void SetEmailDirectly(string email)
    {
        EnsureNotErased();
        EnsureWellFormed(email);
        AdoptEmail(email);
        ClearPendingEmail();
    }

    /// <summary>Adopts the pending address if <paramref name="changeId"/> is the pending change; returns whether it did.</summary>
    public bool ConfirmEmailChange(Guid changeId)
    {
        if (IsErased || PendingEmailChangeId != changeId || PendingEmail is not { } pending)
        {
            return false;
        }

        AdoptEmail(pending);
        ClearPendingEmail();
        return true;
    }

    /// <summary>Drops the pending address if <paramref name="changeId"/> is the pending change; returns whether it did.</summary>
    public bool CancelEmailChange(Guid changeId)
    {
        if (PendingEmailChangeId != changeId)
        {
            return false;
        }

        ClearPendingEmail();
        return true;
    }

    /// <summary>
    /// Pseudonymises the person: her name becomes <see cref="ErasedPerson.Name"/>, and her e-mail
    /// (also a pending one), phone, title and gender are forgotten. Where she works stays (her
    /// team places need it). Returns false when she already was erased.
    /// </summary>
    public bool Erase(DateTimeOffset now)
    {
        if (IsErased)
        {
            return false;
        }

        Name = ErasedPerson.Name;
        Email = null;
        NormalizedEmail = null;
        Phone = null;
        Title = null;
        Gender = null;
        ShareContactDetails = false;
        ClearPendingEmail();
        SearchText = Text.SearchTextOf(Name, null);
        ErasedAt = now;
        return true;
    }

    /// <summary>An erased person cannot be changed: that would bring her back.</summary>
    public void EnsureNotErased()
    {
        if (IsErased)
        {
            throw ErasedException();
        }
    }

    private static RuleViolationException ErasedException() =>
        new(ErasureRules.PersonErased, "Personen är borttagen enligt rätten till radering och kan inte ändras eller läggas till igen.");

    private void AdoptEmail(string email)
    {
        EnsureWellFormed(email);
        Email = email.Trim();
        NormalizedEmail = EmailAddresses.Normalize(email);
    }

    private void ClearPendingEmail()
    {
        PendingEmail = null;
        NormalizedPendingEmail = null;
        PendingEmailChangeId = null;
        PendingEmailRequestedBy = null;
    }

    private static void EnsureWellFormed(string email)
    {
        if (!EmailAddresses.IsWellFormed(email))
        {
            throw new RuleViolationException("person.email-format", $"'{email}' är ingen giltig e-postadress.");
        }
    }

    /// <summary>
    /// Moves the person to another region or organisation. Not while they sit in a region's
    /// team or facilitate for their consultancy: that place would silently belong to the wrong
    /// organisation.
    /// </summary>
    public void MoveTo(Affiliation affiliation, bool isTeamMember, bool isFacilitator = false)
    {
        affiliation.EnsureExactlyOne();
        if (affiliation != Affiliation)
        {
            EnsureNotErased();
        }

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
