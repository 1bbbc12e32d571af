namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// Loads initial data after migrations, at every start. Implementations must be idempotent:
/// check what is there and add only what is missing.
/// </summary>
public interface IDatabaseSeeder<in TDbContext>
    where TDbContext : DbContext
{
    Task SeedAsync(TDbContext db, CancellationToken cancellationToken);
}
