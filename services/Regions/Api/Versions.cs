using KollegialtUtbyte.ServiceDefaults.Persistence;
using KollegialtUtbyte.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Regions.Api;

/// <summary>Optimistic concurrency at the API: the client says which version it changed.</summary>
internal static class Versions
{
    /// <summary>
    /// Refuses a change based on an old version right away (409) and makes the save refuse it too
    /// if someone else saves in between, so a change is never applied on top of one the client
    /// has not seen.
    /// </summary>
    public static void Expect<TEntity>(DbContext db, TEntity entity, long clientVersion)
        where TEntity : class, IVersioned
    {
        if (entity.Version != clientVersion)
        {
            throw new DbUpdateConcurrencyException(
                $"{typeof(TEntity).Name} is at version {entity.Version}, the change was based on {clientVersion}.");
        }

        db.ExpectVersion(entity, clientVersion);
    }
}
