namespace KollegialtUtbyte.Regions.Domain;

/// <summary>One person's place in a region's team.</summary>
public sealed class TeamMember
{
    private TeamMember()
    {
    }

    internal TeamMember(Guid personId, TeamRole role, DateTimeOffset joinedAt)
    {
        PersonId = personId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public Guid PersonId { get; private set; }

    public TeamRole Role { get; internal set; }

    public DateTimeOffset JoinedAt { get; private set; }
}

/// <summary>
/// A region's team in a programme: project leader(s), officials with key functions, one
/// politician and optionally a named substitute. A region takes part in a programme by having
/// a team in it, so the team also stands for the region's participation.
/// </summary>
public sealed class Team : IVersioned
{
    private readonly List<TeamMember> _members = [];

    private Team()
    {
    }

    public Guid ProgrammeId { get; private set; }

    public Guid RegionId { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public IReadOnlyList<TeamMember> Members => _members;

    public long Version { get; set; }

    /// <summary>The region joins the programme with an empty team.</summary>
    public static Team Form(Guid programmeId, Guid regionId, DateTimeOffset now) =>
        new() { ProgrammeId = programmeId, RegionId = regionId, JoinedAt = now };

    public int KeyOfficials => _members.Count(m => m.Role == TeamRole.KeyOfficial);

    public TeamMember Add(Person person, TeamRole role, int expectedKeyOfficials, DateTimeOffset now)
    {
        if (_members.Any(m => m.PersonId == person.Id))
        {
            throw new RuleViolationException("team.already-member", $"{person.Name} ingår redan i teamet; ändra rollen i stället.");
        }

        if (person.RegionId != RegionId)
        {
            throw new RuleViolationException("team.person-of-other-region",
                $"{person.Name} hör inte till regionen. Ett regionteam består av personer från den egna regionen.");
        }

        EnsureRoomFor(role, person.Id, expectedKeyOfficials);
        var member = new TeamMember(person.Id, role, now);
        _members.Add(member);
        return member;
    }

    public TeamMember ChangeRole(Guid personId, TeamRole role, int expectedKeyOfficials)
    {
        var member = MemberOf(personId);
        if (member.Role != role)
        {
            EnsureRoomFor(role, personId, expectedKeyOfficials);
            member.Role = role;
        }

        return member;
    }

    public TeamMember Remove(Guid personId)
    {
        var member = MemberOf(personId);
        _members.Remove(member);
        return member;
    }

    /// <summary>
    /// The region may leave the programme only once its team is empty and it has left the
    /// programme's working groups, so no one's place disappears unannounced.
    /// </summary>
    public void EnsureMayLeave(bool inActiveWorkingGroup)
    {
        if (_members.Count > 0)
        {
            throw new RuleViolationException("programme.team-not-empty",
                $"Regionens team har {_members.Count} medlemmar. Ta bort dem innan regionen lämnar programmet.");
        }

        if (inActiveWorkingGroup)
        {
            throw new RuleViolationException("programme.region-in-working-group",
                "Regionen ingår i en av programmets arbetsgrupper. Ta bort den därifrån innan den lämnar programmet.");
        }
    }

    public TeamCompleteness Completeness(int expectedKeyOfficials) => new(
        _members.Count(m => m.Role == TeamRole.ProjectLeader),
        KeyOfficials,
        expectedKeyOfficials,
        _members.Any(m => m.Role == TeamRole.Politician),
        _members.Any(m => m.Role == TeamRole.SubstitutePolitician));

    private TeamMember MemberOf(Guid personId) =>
        _members.FirstOrDefault(m => m.PersonId == personId) ?? throw new ResourceNotFoundException("Teammedlem", personId);

    private void EnsureRoomFor(TeamRole role, Guid personId, int expectedKeyOfficials)
    {
        var others = _members.Where(m => m.PersonId != personId).ToList();
        switch (role)
        {
            case TeamRole.KeyOfficial when others.Count(m => m.Role == TeamRole.KeyOfficial) >= expectedKeyOfficials:
                throw new RuleViolationException("team.key-officials-full",
                    $"Teamet har redan {expectedKeyOfficials} av {expectedKeyOfficials} tjänstepersoner med nyckelfunktion som programmet förväntar sig.");
            case TeamRole.Politician when others.Any(m => m.Role == TeamRole.Politician):
                throw new RuleViolationException("team.politician-taken",
                    "Regionen har redan en politiker i teamet. En politiker per region deltar; lägg till en ersättare i stället.");
            case TeamRole.SubstitutePolitician when others.Any(m => m.Role == TeamRole.SubstitutePolitician):
                throw new RuleViolationException("team.substitute-taken", "Regionen har redan en namngiven ersättare för politikern.");
        }
    }
}
