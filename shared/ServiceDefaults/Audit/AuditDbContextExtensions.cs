using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.ServiceDefaults.Audit;

/// <summary>A service's DbContext that maps the audit log (<see cref="AuditModel.MapAuditLog"/>).</summary>
public interface IAuditedDbContext
{
}

public static class AuditDbContextExtensions
{
    /// <summary>
    /// Records a change in the audit log. The entry is written by the next <c>SaveChanges</c>,
    /// in the same transaction as the change it records: if that rolls back, so does the entry.
    /// <paramref name="details"/> is serialised to JSON; pass names and ids, never secrets.
    /// </summary>
    public static void Audit(this DbContext db, string action, Guid? actorPersonId, Guid? subjectPersonId, DateTimeOffset at, object? details = null)
    {
        var json = details is null ? null : JsonSerializer.Serialize(details, details.GetType(), OutboxJson.Options);
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            ActorPersonId = actorPersonId,
            Action = action.Length <= AuditEntry.ActionMaxLength ? action : action[..AuditEntry.ActionMaxLength],
            SubjectPersonId = subjectPersonId,
            At = at,
            Details = json is null || json.Length <= AuditEntry.DetailsMaxLength ? json : json[..AuditEntry.DetailsMaxLength],
        });
    }
}

/// <summary>Refuses to save a change or deletion of an audit entry: the log is append-only (retention deletes in bulk, outside the change tracker).</summary>
public sealed class AuditAppendOnlyInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: an entry cannot be changed or deleted.");
        }
    }
}
