using KollegialtUtbyte.Regions.Api;

namespace KollegialtUtbyte.Regions.Application.Events;

/// <summary>Tells the other services about a person's changed details: the person, and their place in every team.</summary>
internal static class PersonAnnouncements
{
    /// <summary>Adds the events to <paramref name="db"/>'s outbox; saved by the caller.</summary>
    public static async Task AnnounceUpdateAsync(RegionsDb db, Person person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var employerName = await db.EmployerNameAsync(person.Affiliation, cancellationToken);
        var names = await DirectoryNames.LoadAsync(db, cancellationToken);

        // The teams are read to tell about the changed details, not changed themselves.
        var teams = await db.Teams.Where(t => t.Members.Any(m => m.PersonId == person.Id)).ToListAsync(cancellationToken);
        db.AddEvent(DirectoryEvents.Updated(person, employerName, now));
        foreach (var team in teams)
        {
            var member = team.Members.Single(m => m.PersonId == person.Id);
            db.AddEvent(DirectoryEvents.Updated(team, member, person, names.RegionName(team.RegionId) ?? "", now));
        }
    }
}
