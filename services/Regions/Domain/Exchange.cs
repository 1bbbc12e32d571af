namespace KollegialtUtbyte.Regions.Domain;

/// <summary>
/// The question and the people in an exchange's roles: a strategic dialogue's question and
/// leader, a member network's convener and secretary. A programme has none of them.
/// </summary>
public sealed record ExchangeRoles(string? Question, Guid? LeaderPersonId, Guid? ConvenerPersonId, Guid? SecretaryPersonId)
{
    public static readonly ExchangeRoles None = new(null, null, null, null);

    public IEnumerable<Guid> PersonIds => new[] { LeaderPersonId, ConvenerPersonId, SecretaryPersonId }.OfType<Guid>();
}

/// <summary>A person taking part in a strategic dialogue or named to a member network's meetings.</summary>
public sealed class ExchangeParticipant
{
    private ExchangeParticipant()
    {
    }

    internal ExchangeParticipant(Guid programmeId, Guid personId, Guid? organisationId, DateTimeOffset addedAt)
    {
        ProgrammeId = programmeId;
        PersonId = personId;
        OrganisationId = organisationId;
        AddedAt = addedAt;
    }

    public Guid ProgrammeId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>The organisation she took part for (in a network, the member that named her); null for a person of a region.</summary>
    public Guid? OrganisationId { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>An organisation's membership of a member network.</summary>
public sealed class ExchangeMember
{
    private ExchangeMember()
    {
    }

    internal ExchangeMember(Guid programmeId, Guid organisationId, DateOnly joinedOn)
    {
        ProgrammeId = programmeId;
        OrganisationId = organisationId;
        JoinedOn = joinedOn;
    }

    public Guid ProgrammeId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DateOnly JoinedOn { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    public bool IsCurrent => LeftOn is null;

    /// <summary>The organisation leaves; the caller removes the people it had named.</summary>
    public void Leave(string organisationName, DateOnly leftOn)
    {
        if (!IsCurrent)
        {
            throw new RuleViolationException(ExchangeRules.MemberNotCurrent, $"{organisationName} är inte längre medlem i nätverket.");
        }

        if (leftOn < JoinedOn)
        {
            throw new RuleViolationException(ExchangeRules.MemberLeftBeforeJoined,
                $"{organisationName} kan inte lämna nätverket ({leftOn:yyyy-MM-dd}) innan den gick med ({JoinedOn:yyyy-MM-dd}).");
        }

        LeftOn = leftOn;
    }

    internal void Rejoin(DateOnly joinedOn)
    {
        JoinedOn = joinedOn;
        LeftOn = null;
    }
}

/// <summary>The rules of the exchange formats, named in the problems they answer.</summary>
public static class ExchangeRules
{
    public const string FormatFixed = "exchange.format-fixed";
    public const string DialogueQuestionRequired = "exchange.dialogue-question-required";
    public const string DialogueLeaderRequired = "exchange.dialogue-leader-required";
    public const string LeaderUnknown = "exchange.leader-unknown";
    public const string NetworkConvenerRequired = "exchange.network-convener-required";
    public const string NetworkSecretaryRequired = "exchange.network-secretary-required";
    public const string ConvenerUnknown = "exchange.convener-unknown";
    public const string SecretaryUnknown = "exchange.secretary-unknown";
    public const string NetworkSignersDistinct = "exchange.network-signers-distinct";
    public const string RoleNotInFormat = "exchange.role-not-in-format";
    public const string NoTeams = "exchange.no-teams";
    public const string ParticipantsAreTeams = "exchange.participants-are-teams";
    public const string MembersOnlyInNetwork = "exchange.members-only-in-network";
    public const string ParticipantNotMember = "exchange.participant-not-member";
    public const string ParticipantDuplicate = "exchange.participant-duplicate";
    public const string MemberAlready = "exchange.member-already";
    public const string MemberNotCurrent = "exchange.member-not-current";
    public const string MemberLeftBeforeJoined = "exchange.member-left-before-joined";
}
