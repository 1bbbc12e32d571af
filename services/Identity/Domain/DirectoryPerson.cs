namespace KollegialtUtbyte.Identity.Domain;

/// <summary>Name, e-mail and language of a person as the directory last described them.</summary>
public sealed record PersonDetails(string Name, string Email, string PreferredLanguage);

/// <summary>
/// Identity's copy of a person in the Regions directory, fed by Regions' events. Events about a
/// person may arrive out of order, so each part remembers the time of the event it came from and
/// ignores older news.
/// </summary>
public sealed class DirectoryPerson
{
    private DirectoryPerson()
    {
    }

    public Guid PersonId { get; private set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string PreferredLanguage { get; private set; } = Languages.Swedish;

    /// <summary>When the details were true; null while only other facts about the person have arrived.</summary>
    public DateTimeOffset? DetailsAsOf { get; private set; }

    public bool IsFacilitator { get; private set; }

    public DateTimeOffset? FacilitatorAsOf { get; private set; }

    /// <summary>
    /// When the person was erased: the copy stays as a tombstone with the pseudonym, so that late
    /// news from the directory (a registration, an update, a team place) cannot bring her name or
    /// her account back.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public bool HasDetails => DetailsAsOf is not null && Email.Length > 0;

    public PersonDetails Details => new(Name, Email, PreferredLanguage);

    public static DirectoryPerson Known(Guid personId) => new() { PersonId = personId };

    /// <summary>Takes details that are at least as new as what is known; returns whether anything changed.</summary>
    public bool ApplyDetails(PersonDetails details, DateTimeOffset asOf)
    {
        if (IsErased || (DetailsAsOf is { } known && asOf < known))
        {
            return false;
        }

        var language = Languages.Normalize(details.PreferredLanguage);
        var changed = Name != details.Name || Email != details.Email || PreferredLanguage != language;
        Name = details.Name;
        Email = details.Email;
        PreferredLanguage = language;
        DetailsAsOf = asOf;
        return changed;
    }

    /// <summary>Records that the person became or stopped being a facilitator, unless newer news is known.</summary>
    public bool ApplyFacilitator(bool isFacilitator, DateTimeOffset asOf)
    {
        if (IsErased || (FacilitatorAsOf is { } known && asOf < known))
        {
            return false;
        }

        var changed = IsFacilitator != isFacilitator;
        IsFacilitator = isFacilitator;
        FacilitatorAsOf = asOf;
        return changed;
    }

    /// <summary>Replaces her name with the pseudonym and forgets her address; for good. Returns false when she already was erased.</summary>
    public bool Erase(DateTimeOffset now)
    {
        if (IsErased)
        {
            return false;
        }

        Name = Contracts.ErasedPerson.Name;
        Email = "";
        IsFacilitator = false;
        ErasedAt = now;
        return true;
    }
}
