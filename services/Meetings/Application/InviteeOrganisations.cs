namespace KollegialtUtbyte.Meetings.Application;

/// <summary>The organisation an invitee is there for: as named to the exchange, else as the directory knows them.</summary>
public static class InviteeOrganisations
{
    public static async Task<Dictionary<Guid, string>> OfAsync(MeetingsDb db, Guid programmeId, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var named = await db.ExchangeParticipants.AsNoTracking()
            .Where(p => p.ProgrammeId == programmeId && personIds.Contains(p.PersonId) && p.OrganisationName != null)
            .ToDictionaryAsync(p => p.PersonId, p => p.OrganisationName!, ct);
        var directory = await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id) && p.OrganisationName != null)
            .ToDictionaryAsync(p => p.Id, p => p.OrganisationName!, ct);
        return personIds.Distinct()
            .Select(id => (id, Name: named.GetValueOrDefault(id) ?? directory.GetValueOrDefault(id)))
            .Where(x => x.Name is not null)
            .ToDictionary(x => x.id, x => x.Name!);
    }
}
