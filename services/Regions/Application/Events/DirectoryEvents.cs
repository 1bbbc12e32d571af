namespace KollegialtUtbyte.Regions.Application.Events;

/// <summary>
/// What the other services are told about a change, built from the changed state. Events carry
/// everything their consumers need (names, e-mail, language) so nobody has to call back.
/// </summary>
public static class DirectoryEvents
{
    public static RegionRegistered Registered(Region region, DateTimeOffset now) =>
        new(region.Id, region.Name, region.CountyCode, now);

    public static RegionUpdated Updated(Region region, DateTimeOffset now) =>
        new(region.Id, region.Name, region.CountyCode, now);

    /// <summary>A region is also an organisation (its people's employer), announced with kind Region.</summary>
    public static OrganisationRegistered RegisteredAsOrganisation(Region region, DateTimeOffset now) =>
        new(region.Id, region.Name, OrganisationKind.Region, now);

    public static OrganisationUpdated UpdatedAsOrganisation(Region region, DateTimeOffset now) =>
        new(region.Id, region.Name, OrganisationKind.Region, now);

    public static OrganisationRegistered Registered(Organisation organisation, DateTimeOffset now) =>
        new(organisation.Id, organisation.Name, organisation.Kind, now);

    public static OrganisationUpdated Updated(Organisation organisation, DateTimeOffset now) =>
        new(organisation.Id, organisation.Name, organisation.Kind, now);

    /// <summary>
    /// <paramref name="employerName"/> is the name of the person's organisation, or of their
    /// region when they work for one; the event's OrganisationId is then the region's id.
    /// </summary>
    public static PersonRegistered Registered(Person person, string employerName, DateTimeOffset now) =>
        new(person.Id, person.Name, person.EmailInUse, person.Phone, person.Title, EmployerId(person), employerName,
            person.RegionId, person.PreferredLanguage, Gender: null, now);

    public static PersonUpdated Updated(Person person, string employerName, DateTimeOffset now) =>
        new(person.Id, person.Name, person.EmailInUse, person.Phone, person.Title, EmployerId(person), employerName,
            person.RegionId, person.PreferredLanguage, Gender: null, now);

    /// <summary>Gender goes to the statistics only, in an event of its own (see <see cref="PersonGenderStated"/>).</summary>
    public static PersonGenderStated GenderStated(Person person, DateTimeOffset now) =>
        new(person.Id, person.Gender, now);

    public static TeamMemberJoined Joined(Team team, TeamMember member, Person person, string regionName, DateTimeOffset now) =>
        new(team.ProgrammeId, team.RegionId, regionName, person.Id, member.Role, person.Name, person.EmailInUse, person.Title,
            person.PreferredLanguage, Gender: null, now);

    public static TeamMemberUpdated Updated(Team team, TeamMember member, Person person, string regionName, DateTimeOffset now) =>
        new(team.ProgrammeId, team.RegionId, regionName, person.Id, member.Role, person.Name, person.EmailInUse, person.Title,
            person.PreferredLanguage, Gender: null, now);

    public static TeamMemberLeft Left(Team team, TeamMember member, DateTimeOffset now) =>
        new(team.ProgrammeId, team.RegionId, member.PersonId, member.Role, now);

    public static FacilitatorAdded Added(Facilitator facilitator, Person person, Organisation organisation, DateTimeOffset now) =>
        new(facilitator.PersonId, organisation.Id, organisation.Name, person.Name, person.EmailInUse, person.PreferredLanguage, now);

    public static FacilitatorRemoved Removed(Facilitator facilitator, DateTimeOffset now) =>
        new(facilitator.PersonId, now);

    public static ProgrammeRegistered Registered(Programme programme, DateTimeOffset now) =>
        new(programme.Id, programme.Name, programme.StartsOn, programme.EndsOn, programme.ExpectedKeyOfficials, now,
            programme.Format, programme.Question, programme.LeaderPersonId, programme.ConvenerPersonId, programme.SecretaryPersonId);

    public static ProgrammeUpdated Updated(Programme programme, DateTimeOffset now) =>
        new(programme.Id, programme.Name, programme.StartsOn, programme.EndsOn, programme.ExpectedKeyOfficials, now,
            programme.Format, programme.Question, programme.LeaderPersonId, programme.ConvenerPersonId, programme.SecretaryPersonId);

    /// <summary>
    /// The participant's employer: her organisation, or her region (then OrganisationId is null,
    /// the name is the region's and the kind <see cref="OrganisationKind.Region"/>).
    /// </summary>
    public static ExchangeParticipantAdded Added(ExchangeParticipant participant, Person person, Organisation? organisation, Region? region, DateTimeOffset now) =>
        new(participant.ProgrammeId, person.Id, organisation?.Id, organisation?.Name ?? region?.Name,
            organisation?.Kind ?? (region is null ? null : OrganisationKind.Region), person.RegionId, now);

    public static ExchangeParticipantRemoved Removed(ExchangeParticipant participant, DateTimeOffset now) =>
        new(participant.ProgrammeId, participant.PersonId, now);

    public static ExchangeMemberJoined Joined(ExchangeMember member, Organisation organisation, DateTimeOffset now) =>
        new(member.ProgrammeId, organisation.Id, organisation.Name, organisation.Kind, member.JoinedOn, now);

    public static ExchangeMemberLeft Left(ExchangeMember member, DateTimeOffset now) =>
        new(member.ProgrammeId, member.OrganisationId, member.LeftOn!.Value, now);

    public static RegionJoinedProgramme Joined(Team team, Region region, DateTimeOffset now) =>
        new(team.ProgrammeId, region.Id, region.Name, now);

    public static RegionLeftProgramme Left(Team team, DateTimeOffset now) =>
        new(team.ProgrammeId, team.RegionId, now);

    public static WorkingGroupChanged Changed(WorkingGroup group, DateTimeOffset now) =>
        new(group.Id, group.ProgrammeId, group.Topic, group.RegionIds, group.PersonIds, group.Disbanded, now);

    private static Guid EmployerId(Person person) => person.OrganisationId ?? person.RegionId!.Value;
}
