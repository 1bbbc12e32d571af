using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// Marks a provider's first generated migration as the baseline that replaces the hand-written
/// migrations SQLite and PostgreSQL used to share. It creates the schema those migrations had
/// left; a database they created already has it, so the baseline is recorded there as applied
/// instead of run (<see cref="HandWrittenMigrations.MigrateAsync"/>).
/// </summary>
/// <param name="lastHandWrittenMigrationId">The id of the last hand-written migration: only a database that has it is complete.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ReplacesHandWrittenMigrationsAttribute(string lastHandWrittenMigrationId) : Attribute
{
    public string LastHandWrittenMigrationId { get; } = lastHandWrittenMigrationId;
}

public static class HandWrittenMigrations
{
    /// <summary>Migrates the database to the latest schema, whichever release created it. Returns whether it adopted the baseline first.</summary>
    public static async Task<bool> MigrateAsync(DbContext db, CancellationToken cancellationToken)
    {
        var adopted = await AdoptBaselineAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        return adopted;
    }

    /// <summary>
    /// Records the baseline as applied when the database was created by the hand-written
    /// migrations, so that migrating continues with the generated ones and keeps every row.
    /// Returns whether it did. A database part-way through the hand-written migrations is refused:
    /// its schema is not the baseline's.
    /// </summary>
    internal static async Task<bool> AdoptBaselineAsync(DbContext db, CancellationToken cancellationToken)
    {
        var migrations = db.GetService<IMigrationsAssembly>().Migrations;
        var baseline = migrations
            .Select(m => (Id: m.Key, Marker: m.Value.GetCustomAttribute<ReplacesHandWrittenMigrationsAttribute>()))
            .FirstOrDefault(m => m.Marker is not null);
        if (baseline.Marker is null)
        {
            return false;
        }

        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return false;
        }

        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(r => r.MigrationId).ToHashSet(StringComparer.Ordinal);
        var handWritten = applied.Where(id => !migrations.ContainsKey(id)).ToList();
        if (applied.Contains(baseline.Id) || handWritten.Count == 0)
        {
            return false;
        }

        if (!applied.Contains(baseline.Marker.LastHandWrittenMigrationId))
        {
            throw new InvalidOperationException(
                $"The {db.GetType().Name} database was last migrated by hand-written migrations up to {handWritten.Max(StringComparer.Ordinal)}, " +
                $"before {baseline.Marker.LastHandWrittenMigrationId}. Start the release that has the hand-written migrations once to complete them, then this one.");
        }

        var row = new HistoryRow(baseline.Id, ProductInfo.GetVersion());
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(row), cancellationToken);
        return true;
    }
}
