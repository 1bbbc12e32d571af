namespace KollegialtUtbyte.Identity.Application.Accounts;

/// <summary>
/// Keeps the holders of an exchange's roles (a dialogue's leader, a network's convener and
/// secretary) in step with the registry: the people it names now hold a role, those it no longer
/// names do not. Programmes name nobody, so their registrations change nothing.
/// </summary>
public sealed class ExchangeRoleHolders(IdentityDb db, DirectorySync directory)
{
    public async Task ApplyAsync(Guid programmeId, IEnumerable<Guid?> named, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var holders = named.OfType<Guid>().ToHashSet();
        var previous = await db.ExchangeParticipations
            .Where(p => p.ProgrammeId == programmeId && p.HoldsRole)
            .Select(p => p.PersonId)
            .ToListAsync(cancellationToken);

        foreach (var personId in holders.Union(previous))
        {
            var participation = await directory.ParticipationAsync(personId, programmeId, cancellationToken);
            if (participation.ApplyRole(holders.Contains(personId), occurredAt))
            {
                await directory.ReconcileAsync(await directory.PersonAsync(personId, cancellationToken), cancellationToken);
            }
        }
    }
}
