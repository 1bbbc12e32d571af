using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// Adjusts tracked entities just before <c>SaveChanges</c> writes them, on the synchronous and
/// asynchronous paths alike.
/// </summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            BeforeSave(context);
        }

        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            BeforeSave(context);
        }

        return ValueTask.FromResult(result);
    }

    protected abstract void BeforeSave(DbContext context);
}
