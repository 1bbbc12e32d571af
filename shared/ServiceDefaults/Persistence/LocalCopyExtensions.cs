namespace KollegialtUtbyte.ServiceDefaults.Persistence;

public static class LocalCopyExtensions
{
    /// <summary>
    /// The tracked row with <paramref name="key"/>, inserted from <paramref name="create"/> when
    /// missing. Race-free: two consumers that both miss the row both try to insert it; the insert
    /// is saved at once (EF Core wraps it in a savepoint of the consumer's transaction), so the
    /// loser's key violation is rolled back to that savepoint and it reads and returns the winner's
    /// row instead of failing the whole message. <c>Added</c> says whether this call created it.
    /// </summary>
    public static async Task<(TEntity Entity, bool Added)> FindOrInsertAsync<TEntity>(
        this DbContext db, object[] key, Func<TEntity> create, CancellationToken cancellationToken)
        where TEntity : class
    {
        var set = db.Set<TEntity>();
        if (await set.FindAsync(key, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var entity = create();
        set.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (entity, true);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            db.Entry(entity).State = EntityState.Detached;
            var winner = await set.FindAsync(key, cancellationToken);
            if (winner is null)
            {
                // Not a lost race: the insert failed for another reason.
                throw;
            }

            return (winner, false);
        }
    }
}
