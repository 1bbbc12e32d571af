using KollegialtUtbyte.SharedKernel;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// Increments <see cref="IVersioned.Version"/> on every saved change. The version is a concurrency
/// token, so an UPDATE based on a stale version matches no row and EF throws
/// <see cref="DbUpdateConcurrencyException"/> (answered 409).
/// </summary>
public sealed class VersioningInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.Version == 0)
            {
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified || OwnedPartChanged(entry))
            {
                var original = (long)entry.Property(nameof(IVersioned.Version)).OriginalValue!;
                entry.Entity.Version = original + 1;
                entry.State = EntityState.Modified;
            }
        }
    }

    // Changing an owned part (e.g. a meeting's agenda items stored as owned entities) changes the aggregate.
    private static bool OwnedPartChanged(EntityEntry<IVersioned> entry) =>
        entry.State == EntityState.Unchanged &&
        entry.Navigations
            .Where(n => n.Metadata.TargetEntityType.IsOwned())
            .SelectMany(n => n switch
            {
                ReferenceEntry reference => reference.TargetEntry is { } target ? [target] : [],
                CollectionEntry collection => collection.CurrentValue?.Cast<object>().Select(entry.Context.Entry) ?? [],
                _ => [],
            })
            .Any(child => child.State != EntityState.Unchanged);
}

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Declares the version the client last saw. A change based on an older version is refused at
    /// once (409), before any rule runs or event is staged; saving fails the same way if someone else
    /// saves in between, so an update is never applied on top of one the client has not seen.
    /// </summary>
    public static void ExpectVersion<TEntity>(this DbContext db, TEntity entity, long expectedVersion)
        where TEntity : class, IVersioned
    {
        if (entity.Version != expectedVersion)
        {
            throw new DbUpdateConcurrencyException(
                $"{typeof(TEntity).Name} is at version {entity.Version}, the change was based on {expectedVersion}.");
        }

        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = expectedVersion;
    }
}
