namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>
/// An integration event waiting to be published. Written in the same transaction as the state
/// change that raised it; the dispatcher publishes it afterwards, in <see cref="SequenceNumber"/> order.
/// </summary>
public sealed class OutboxMessage
{
    public long SequenceNumber { get; set; }

    /// <summary>The broker message id; consumers' inboxes deduplicate on it.</summary>
    public Guid MessageId { get; set; }

    /// <summary>"Namespace.Type, Assembly" of the event record.</summary>
    public required string MessageType { get; set; }

    /// <summary>The event as JSON. Once dispatched, its link secrets are blanked (<see cref="OutboxSecrets"/>).</summary>
    public required string Body { get; set; }

    /// <summary>W3C trace context of the request that raised the event, so one trace spans publisher and consumers.</summary>
    public string? TraceParent { get; set; }

    public string? TraceState { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DispatchedAt { get; set; }

    /// <summary>Publish attempts so far, failed ones included.</summary>
    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed; null once an attempt succeeds.</summary>
    public string? LastError { get; set; }

    /// <summary>After a failed attempt: not tried again before this moment (back-off), so rows behind it go first.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>
    /// Set when the row failed <see cref="OutboxOptions.MaxAttempts"/> times: it is parked as dead,
    /// kept for an administrator to inspect and re-queue, and no longer tried.
    /// </summary>
    public DateTime? ParkedAt { get; set; }
}

/// <summary>A message a consumer has applied. Its key (message id, consumer) makes redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    /// <summary>The consumer's stable name: its endpoint (queue) name without a deployment's queue prefix.</summary>
    public required string Consumer { get; set; }

    public DateTime ProcessedAt { get; set; }
}

/// <summary>Marks a DbContext whose model maps the outbox and inbox tables (<see cref="OutboxModel.MapOutboxAndInbox"/>).</summary>
public interface IOutboxDbContext;
