namespace KollegialtUtbyte.Meetings.Domain;

// The service's own copies of what the Regions service owns, fed by its events. Events may come
// out of order: each copy remembers when it last changed and ignores older news.

/// <summary>A person as invitations, documentation and statistics need them.</summary>
public sealed class Person
{
    private Person()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string? Title { get; private set; }

    public string? OrganisationName { get; private set; }

    public Guid? RegionId { get; private set; }

    public string PreferredLanguage { get; private set; } = "sv";

    /// <summary>Self-declared and optional; only ever used aggregated. Only <see cref="PersonGenderStated"/> carries it.</summary>
    public string? Gender { get; private set; }

    /// <summary>When the gender was last stated: an older statement arriving later is ignored.</summary>
    public DateTimeOffset? GenderStatedAt { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>When her data was erased: the copy is a tombstone, and no directory news brings it back.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public static Person Unknown(Guid id) => new() { Id = id, ChangedAt = DateTimeOffset.UnixEpoch };

    /// <summary>Pseudonymises the copy for good (GDPR art. 17). Running it again changes nothing.</summary>
    public void Erase(DateTimeOffset now)
    {
        Name = ErasedPerson.Name;
        Email = "";
        Title = null;
        Gender = null;
        ErasedAt ??= now;
    }

    /// <summary>Takes a statement of her gender unless a newer one is here, or she was erased.</summary>
    public void StateGender(string? gender, DateTimeOffset occurredAt)
    {
        if (IsErased || (GenderStatedAt is { } stated && occurredAt < stated))
        {
            return;
        }

        Gender = gender;
        GenderStatedAt = occurredAt;
    }

    /// <summary>Takes the details of a directory update if it is not older than what we have.</summary>
    public void ApplyDirectory(string name, string email, string? title, string? organisationName, Guid? regionId, string preferredLanguage, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt || IsErased)
        {
            return;
        }

        ApplyTeamDetails(name, email, title, preferredLanguage, occurredAt);
        OrganisationName = organisationName;
        RegionId = regionId;
    }

    /// <summary>A facilitator event carries only name, e-mail and language; the rest stays.</summary>
    public void ApplyContact(string name, string email, string preferredLanguage, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt || IsErased)
        {
            return;
        }

        Name = name;
        Email = email;
        PreferredLanguage = preferredLanguage;
        ChangedAt = occurredAt;
    }

    /// <summary>Team events carry a subset of the details; the rest stays.</summary>
    public void ApplyTeamDetails(string name, string email, string? title, string preferredLanguage, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt || IsErased)
        {
            return;
        }

        Name = name;
        Email = email;
        Title = title;
        PreferredLanguage = preferredLanguage;
        ChangedAt = occurredAt;
    }
}

/// <summary>Membership of a region's team in a programme: who is invited.</summary>
public sealed class TeamMembership : TeamMembershipCopy<TeamRole>
{
    private TeamMembership()
    {
    }

    public static TeamMembership Unknown(Guid programmeId, Guid regionId, Guid personId) => new()
    {
        ProgrammeId = programmeId,
        RegionId = regionId,
        PersonId = personId,
        ChangedAt = DateTimeOffset.UnixEpoch,
    };
}

/// <summary>A person of the facilitating consultancy who can be assigned to lead meetings.</summary>
public sealed class Facilitator
{
    private Facilitator()
    {
    }

    public Guid PersonId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string? OrganisationName { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static Facilitator Unknown(Guid personId) => new() { PersonId = personId, ChangedAt = DateTimeOffset.UnixEpoch };

    public void Add(Guid organisationId, string organisationName, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return;
        }

        OrganisationId = organisationId;
        OrganisationName = organisationName;
        Active = true;
        ChangedAt = occurredAt;
    }

    public void Remove(DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return;
        }

        Active = false;
        ChangedAt = occurredAt;
    }
}

public sealed class Region
{
    private Region()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? CountyCode { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static Region Unknown(Guid id) => new() { Id = id, ChangedAt = DateTimeOffset.UnixEpoch };

    public void Apply(string name, string? countyCode, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return;
        }

        Name = name;
        CountyCode = countyCode ?? CountyCode;
        ChangedAt = occurredAt;
    }

    /// <summary>A name learnt in passing (e.g. from a team event) only fills a gap.</summary>
    public void KnowName(string name)
    {
        if (Name.Length == 0)
        {
            Name = name;
        }
    }
}

/// <summary>A region taking part in a programme. A team implies participation until the region leaves.</summary>
public sealed class ProgrammeParticipation
{
    private ProgrammeParticipation()
    {
    }

    public Guid ProgrammeId { get; private set; }

    public Guid RegionId { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static ProgrammeParticipation Unknown(Guid programmeId, Guid regionId) => new()
    {
        ProgrammeId = programmeId,
        RegionId = regionId,
        ChangedAt = DateTimeOffset.UnixEpoch,
    };

    public bool Join(DateTimeOffset occurredAt) => Set(true, occurredAt);

    public bool Leave(DateTimeOffset occurredAt) => Set(false, occurredAt);

    private bool Set(bool active, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return false;
        }

        Active = active;
        ChangedAt = occurredAt;
        return true;
    }
}

/// <summary>The last quota status announced for a politician, so a change is announced once.</summary>
public sealed class PoliticianQuotaState
{
    private PoliticianQuotaState()
    {
    }

    public Guid ProgrammeId { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid RegionId { get; private set; }

    public QuotaStatus Status { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static PoliticianQuotaState Initial(Guid programmeId, Guid personId, Guid regionId, DateTimeOffset now) => new()
    {
        ProgrammeId = programmeId,
        PersonId = personId,
        RegionId = regionId,
        Status = QuotaStatus.OnTrack,
        ChangedAt = now,
    };

    /// <summary>Records the new status; true when it turned worse into at risk or unreachable (worth a warning).</summary>
    public bool Update(QuotaStatus status, Guid regionId, DateTimeOffset now)
    {
        RegionId = regionId;
        if (status == Status)
        {
            return false;
        }

        Status = status;
        ChangedAt = now;
        return status is QuotaStatus.AtRisk or QuotaStatus.Unreachable;
    }
}

/// <summary>
/// A person taking part in a strategic dialogue or named by a member organisation to a network's
/// meetings (programmes' participants are their team members instead): who is invited.
/// </summary>
public sealed class ExchangeParticipant
{
    private ExchangeParticipant()
    {
    }

    public Guid ProgrammeId { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string? OrganisationName { get; private set; }

    public OrganisationKind? OrganisationKind { get; private set; }

    public Guid? RegionId { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static ExchangeParticipant Unknown(Guid programmeId, Guid personId) => new()
    {
        ProgrammeId = programmeId,
        PersonId = personId,
        ChangedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>Added (again, or with another organisation). Returns false for stale news.</summary>
    public bool Add(Guid? organisationId, string? organisationName, OrganisationKind? kind, Guid? regionId, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return false;
        }

        OrganisationId = organisationId;
        OrganisationName = string.IsNullOrWhiteSpace(organisationName) ? null : organisationName.Trim();
        OrganisationKind = kind;
        RegionId = regionId;
        Active = true;
        ChangedAt = occurredAt;
        return true;
    }

    public bool Remove(DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return false;
        }

        Active = false;
        ChangedAt = occurredAt;
        return true;
    }
}
