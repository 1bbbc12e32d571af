using KollegialtUtbyte.ServiceDefaults.Messaging;
using MassTransit;

namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>
/// A consumer whose effect is applied exactly once per message: the effect, the inbox record and
/// any events it adds to the outbox commit in one transaction. A redelivered message finds its
/// inbox record and is acknowledged without being applied again; two concurrent deliveries race
/// on the inbox key and the loser rolls back and is retried, then finds the record.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        // Keyed by the endpoint's stable name, not the class name: renaming a class must not apply history again.
        var consumer = InboxConsumerName.Of(context);
        var cancellationToken = context.CancellationToken;

        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var alreadyApplied = await Db.Set<InboxMessage>()
            .AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
        if (alreadyApplied)
        {
            return;
        }

        await ApplyAsync(context.Message, context, cancellationToken);

        Db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer });
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Apply the message to the service's state through <see cref="Db"/>; do not call SaveChanges unless needed mid-way.</summary>
    protected abstract Task ApplyAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
