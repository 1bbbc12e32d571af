using KollegialtUtbyte.Contracts;
using KollegialtUtbyte.ServiceDefaults.Audit;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.ServiceDefaults.PersonalData;

/// <summary>
/// A service's part of an erasure: it pseudonymises the person in its own data and answers
/// <see cref="PersonalDataErased"/> through its outbox, in the transaction that records the
/// decision in its inbox. The decision waits in the service's queue while the service is down,
/// so the erasure completes when it comes back. Each service derives one, which gives it its own
/// queue.
/// </summary>
public abstract class PersonalDataErasureConsumer<TDbContext>(TDbContext db, TimeProvider time)
    : IdempotentConsumer<PersonalDataErasureDecided, TDbContext>(db)
    where TDbContext : DbContext, IAuditedDbContext
{
    /// <summary>The service's name, as in <see cref="PersonalDataExportConsumer{TDbContext}"/>.</summary>
    protected abstract string Service { get; }

    /// <summary>
    /// Replace every copy of the person's name with <see cref="ErasedPerson.Name"/>, forget her
    /// e-mail, phone and gender, and remove what exists only for her (pending mails, links, feeds).
    /// What she did stays. Must be safe to run again: the inbox deduplicates messages, not decisions.
    /// </summary>
    protected abstract Task EraseAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ApplyAsync(PersonalDataErasureDecided message, ConsumeContext<PersonalDataErasureDecided> context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Db.Audit(PersonalDataAuditActions.Erased, null, message.PersonId, now);
        await EraseAsync(message.PersonId, now, cancellationToken);
        await Db.ForgetDispatchedEventsAboutAsync(message.PersonId, cancellationToken);
        Db.AddEvent(new PersonalDataErased(message.ErasureId, message.PersonId, Service, now));
    }
}

/// <summary>What every service's audit log records about personal-data rights (the subject is the person).</summary>
public static class PersonalDataAuditActions
{
    public const string Erased = "personal-data.erased";
}

/// <summary>What every service does for an erasure besides its own data.</summary>
public static class DispatchedEventErasure
{
    /// <summary>
    /// Deletes the dispatched outbox rows that mention the person: they are kept a while only for
    /// diagnosis, and would otherwise hold copies of her name and address (in the directory events)
    /// until retention removes them. Rows not yet dispatched stay: they must still be delivered,
    /// and every service ignores what they say about a person it has erased.
    /// </summary>
    public static Task<int> ForgetDispatchedEventsAboutAsync(this DbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var id = personId.ToString();
        return db.Set<OutboxMessage>()
            .Where(m => m.DispatchedAt != null && m.Body.Contains(id))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
