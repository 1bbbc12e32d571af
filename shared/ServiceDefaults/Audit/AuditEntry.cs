namespace KollegialtUtbyte.ServiceDefaults.Audit;

/// <summary>
/// One recorded change to personal data or access: who did it, what, about whom, when, and
/// details without secrets. Append-only: written in the transaction of the change it records
/// (<see cref="AuditDbContextExtensions.Audit"/>), never updated, deleted only by retention.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 64;
    public const int DetailsMaxLength = 2000;

    public long Id { get; set; }

    /// <summary>The acting account's person; null when the system acted (an event from another service, a mailed link).</summary>
    public Guid? ActorPersonId { get; set; }

    /// <summary>What was done, e.g. <c>person.contact-details-changed</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The person the change is about; null when it is about no one person.</summary>
    public Guid? SubjectPersonId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>What changed, as JSON (names of fields, roles, ids); never passwords, tokens or link secrets.</summary>
    public string? Details { get; set; }
}
