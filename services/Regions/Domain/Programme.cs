namespace KollegialtUtbyte.Regions.Domain;

/// <summary>
/// An exchange. Its <see cref="Format"/>, fixed at registration, decides its rules: a programme
/// (e.g. "Vägar till hållbar utveckling 2021–2022") has a period, expects things of each region's
/// team and the regions taking part are its <see cref="Team"/>s; a strategic dialogue is about one
/// question and led by a named leader, its participants invited because of the question; a member
/// network has member organisations whose people take part, and names a convener and a secretary
/// who sign its protocols.
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

    public ExchangeFormat Format { get; private set; }

    /// <summary>A strategic dialogue's question; nothing for the other formats.</summary>
    public string? Question { get; private set; }

    /// <summary>Who leads a strategic dialogue (the county governor).</summary>
    public Guid? LeaderPersonId { get; private set; }

    /// <summary>A member network's convener, who signs its protocols.</summary>
    public Guid? ConvenerPersonId { get; private set; }

    /// <summary>A member network's secretary, who writes and signs its protocols.</summary>
    public Guid? SecretaryPersonId { get; private set; }

    public long Version { get; set; }

    public ExchangeRoles Roles => new(Question, LeaderPersonId, ConvenerPersonId, SecretaryPersonId);

    public static Programme Register(Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, DateTimeOffset now) =>
        Register(id, name, startsOn, endsOn, expectedKeyOfficials, ExchangeFormat.Programme, ExchangeRoles.None, new HashSet<Guid>(), now);

    /// <param name="knownPeople">Those of the named people who are in the directory and not erased.</param>
    public static Programme Register(
        Guid id, string name, DateOnly startsOn, DateOnly endsOn, int expectedKeyOfficials, ExchangeFormat format, ExchangeRoles roles,
        IReadOnlySet<Guid> knownPeople, DateTimeOffset now)
    {
        if (!Enum.IsDefined(format))
        {
            throw new RuleViolationException("format", $"Okänt format för ett utbyte: {format}.");
        }

        var programme = new Programme { Id = id, RegisteredAt = now, Format = format };
        programme.Change(name, startsOn, endsOn, expectedKeyOfficials, largestTeamKeyOfficials: 0);
        programme.ChangeRoles(roles, knownPeople);
        return programme;
    }

    /// <summary>
    /// Names the question and the people in the format's roles. Each format has its own: what it
    /// needs is required, what belongs to another format is refused. A person already in a role
    /// keeps it even if she has since been erased (what she did stays).
    /// </summary>
    /// <param name="knownPeople">Those of the named people who are in the directory and not erased.</param>
    public void ChangeRoles(ExchangeRoles roles, IReadOnlySet<Guid> knownPeople)
    {
        var question = Text.Optional(roles.Question);
        bool Known(Guid? person, Guid? current) => person is { } id && (knownPeople.Contains(id) || id == current);

        switch (Format)
        {
            case ExchangeFormat.Programme:
                if (question is not null || roles.LeaderPersonId is not null || roles.ConvenerPersonId is not null || roles.SecretaryPersonId is not null)
                {
                    throw NotInFormat("Ett program (kollegialt utbyte) har varken fråga, samtalsledare, sammankallande eller sekreterare; regionernas team deltar.");
                }

                break;

            case ExchangeFormat.StrategicDialogue:
                if (roles.ConvenerPersonId is not null || roles.SecretaryPersonId is not null)
                {
                    throw NotInFormat("Ett strategiskt samtal har ingen sammankallande eller sekreterare; det leds av landshövdingen.");
                }

                if (question is null || question.Length is < RegionsLimits.QuestionMinLength or > RegionsLimits.QuestionMaxLength)
                {
                    throw new RuleViolationException(ExchangeRules.DialogueQuestionRequired,
                        $"Ett strategiskt samtal handlar om en fråga ({RegionsLimits.QuestionMinLength}–{RegionsLimits.QuestionMaxLength} tecken).");
                }

                if (roles.LeaderPersonId is null)
                {
                    throw new RuleViolationException(ExchangeRules.DialogueLeaderRequired, "Ett strategiskt samtal leds av en namngiven person, landshövdingen.");
                }

                if (!Known(roles.LeaderPersonId, LeaderPersonId))
                {
                    throw new RuleViolationException(ExchangeRules.LeaderUnknown, $"Det finns ingen person med id {roles.LeaderPersonId} som kan leda samtalet.");
                }

                break;

            case ExchangeFormat.MemberNetwork:
                if (question is not null || roles.LeaderPersonId is not null)
                {
                    throw NotInFormat("Ett medlemsnätverk har ingen fråga eller samtalsledare; det har en sammankallande och en sekreterare.");
                }

                if (roles.ConvenerPersonId is null)
                {
                    throw new RuleViolationException(ExchangeRules.NetworkConvenerRequired, "Ett medlemsnätverk har en sammankallande som undertecknar protokollen.");
                }

                if (roles.SecretaryPersonId is null)
                {
                    throw new RuleViolationException(ExchangeRules.NetworkSecretaryRequired, "Ett medlemsnätverk har en sekreterare som skriver och undertecknar protokollen.");
                }

                if (!Known(roles.ConvenerPersonId, ConvenerPersonId))
                {
                    throw new RuleViolationException(ExchangeRules.ConvenerUnknown, $"Det finns ingen person med id {roles.ConvenerPersonId} som kan vara sammankallande.");
                }

                if (!Known(roles.SecretaryPersonId, SecretaryPersonId))
                {
                    throw new RuleViolationException(ExchangeRules.SecretaryUnknown, $"Det finns ingen person med id {roles.SecretaryPersonId} som kan vara sekreterare.");
                }

                if (roles.ConvenerPersonId == roles.SecretaryPersonId)
                {
                    throw new RuleViolationException(ExchangeRules.NetworkSignersDistinct,
                        "Sammankallande och sekreterare är två olika personer: båda undertecknar protokollet.");
                }

                break;
        }

        Question = question;
        LeaderPersonId = roles.LeaderPersonId;
        ConvenerPersonId = roles.ConvenerPersonId;
        SecretaryPersonId = roles.SecretaryPersonId;
    }

    /// <summary>Regions take part with teams in programmes only.</summary>
    public void EnsureTakesTeams()
    {
        if (Format != ExchangeFormat.Programme)
        {
            throw new RuleViolationException(ExchangeRules.NoTeams,
                "Regioner deltar med team bara i program (kollegialt utbyte). I ett strategiskt samtal eller medlemsnätverk deltar personer.");
        }
    }

    /// <summary>
    /// A person takes part in a dialogue (invited because of its question) or is named to a
    /// network's meetings by her organisation, which must then be a current member. A programme's
    /// participants are its teams' members.
    /// </summary>
    /// <param name="organisationIsCurrentMember">The person's organisation is a member of the network now.</param>
    public ExchangeParticipant AddParticipant(Person person, bool alreadyParticipant, bool organisationIsCurrentMember, DateTimeOffset now)
    {
        EnsureHasParticipants();
        if (alreadyParticipant)
        {
            throw new RuleViolationException(ExchangeRules.ParticipantDuplicate, $"{person.Name} deltar redan.");
        }

        if (Format == ExchangeFormat.MemberNetwork && (person.OrganisationId is null || !organisationIsCurrentMember))
        {
            throw new RuleViolationException(ExchangeRules.ParticipantNotMember,
                $"{person.Name} hör inte till någon av nätverkets medlemsorganisationer. Medlemsorganisationerna utser deltagarna.");
        }

        return new ExchangeParticipant(Id, person.Id, person.OrganisationId, now);
    }

    public void EnsureHasParticipants()
    {
        if (Format == ExchangeFormat.Programme)
        {
            throw new RuleViolationException(ExchangeRules.ParticipantsAreTeams,
                "I ett program (kollegialt utbyte) deltar regionernas team; lägg till personen i sin regions team.");
        }
    }

    /// <summary>An organisation joins a network, or joins again after it left.</summary>
    /// <param name="earlier">The organisation's membership, if it was a member before.</param>
    public ExchangeMember Join(Organisation organisation, ExchangeMember? earlier, DateOnly joinedOn)
    {
        EnsureHasMembers();
        if (earlier is { IsCurrent: true })
        {
            throw new RuleViolationException(ExchangeRules.MemberAlready, $"{organisation.Name} är redan medlem i nätverket.");
        }

        if (earlier is not null)
        {
            earlier.Rejoin(joinedOn);
            return earlier;
        }

        return new ExchangeMember(Id, organisation.Id, joinedOn);
    }

    public void EnsureHasMembers()
    {
        if (Format != ExchangeFormat.MemberNetwork)
        {
            throw new RuleViolationException(ExchangeRules.MembersOnlyInNetwork, "Bara ett medlemsnätverk har medlemsorganisationer.");
        }
    }

    private static RuleViolationException NotInFormat(string message) => new(ExchangeRules.RoleNotInFormat, message);

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
