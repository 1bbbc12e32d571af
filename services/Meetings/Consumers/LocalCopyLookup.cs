namespace KollegialtUtbyte.Meetings.Consumers;

/// <summary>Finds a local copy or starts an empty one: events may arrive before the one that creates it.</summary>
internal static class LocalCopyLookup
{
    public static async Task<Person> PersonAsync(this MeetingsDb db, Guid id, CancellationToken cancellationToken) =>
        await db.People.FindAsync([id], cancellationToken) ?? db.People.Add(Person.Unknown(id)).Entity;

    public static async Task<Region> RegionAsync(this MeetingsDb db, Guid id, CancellationToken cancellationToken) =>
        await db.Regions.FindAsync([id], cancellationToken) ?? db.Regions.Add(Region.Unknown(id)).Entity;

    public static async Task<TeamMembership> MembershipAsync(this MeetingsDb db, Guid programmeId, Guid regionId, Guid personId, CancellationToken cancellationToken) =>
        await db.TeamMemberships.FindAsync([programmeId, regionId, personId], cancellationToken)
        ?? db.TeamMemberships.Add(TeamMembership.Unknown(programmeId, regionId, personId)).Entity;

    public static async Task<ProgrammeParticipation> ParticipationAsync(this MeetingsDb db, Guid programmeId, Guid regionId, CancellationToken cancellationToken) =>
        await db.Participations.FindAsync([programmeId, regionId], cancellationToken)
        ?? db.Participations.Add(ProgrammeParticipation.Unknown(programmeId, regionId)).Entity;

    public static async Task<ExchangeParticipant> ExchangeParticipantAsync(this MeetingsDb db, Guid programmeId, Guid personId, CancellationToken cancellationToken) =>
        await db.ExchangeParticipants.FindAsync([programmeId, personId], cancellationToken)
        ?? db.ExchangeParticipants.Add(ExchangeParticipant.Unknown(programmeId, personId)).Entity;

    public static async Task<Facilitator> FacilitatorAsync(this MeetingsDb db, Guid personId, CancellationToken cancellationToken) =>
        await db.Facilitators.FindAsync([personId], cancellationToken) ?? db.Facilitators.Add(Facilitator.Unknown(personId)).Entity;
}
