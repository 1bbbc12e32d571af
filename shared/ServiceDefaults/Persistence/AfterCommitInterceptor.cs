using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// Runs <see cref="Committed"/> once what a DbContext wrote is visible to other connections: after a
/// save outside a transaction, or after the transaction commits. Workers woken earlier would find
/// nothing yet, and a wake-up signal spent on that would be lost.
/// </summary>
public abstract class AfterCommitInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommittedUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommittedUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Committed(context);
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <summary>Looks at the tracked entities of <paramref name="context"/>, whose changes have just committed.</summary>
    protected abstract void Committed(DbContext context);

    private void CommittedUnlessInTransaction(DbContext? context)
    {
        if (context is { Database.CurrentTransaction: null })
        {
            Committed(context);
        }
    }
}
