namespace KollegialtUtbyte.ServiceDefaults.Outbox;

/// <summary>Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>The kind under <c>Retention</c> that sets <see cref="Retention"/> like every other retention period.</summary>
    public const string RetentionKind = "Outbox";

    /// <summary>How often the dispatcher looks for messages when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish may wait for the broker's confirm before it is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// First and longest pause before a failed row is tried again (exponential, with jitter, per
    /// row), and the longest the dispatcher waits on an unreachable broker before trying anyway.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Failed attempts after which a row is parked as dead (kept, listed to administrators, no
    /// longer tried). Attempts made while the broker is unreachable never park a row.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Longest pause after the database itself failed (e.g. restarting), so dispatch resumes soon after it is back.</summary>
    public TimeSpan DatabaseRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Dispatched outbox rows and inbox records are deleted after this long (hourly, by the
    /// dispatcher). <c>Retention:Outbox</c> wins over <c>Outbox:Retention</c>.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
