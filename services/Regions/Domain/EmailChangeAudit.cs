namespace KollegialtUtbyte.Regions.Domain;

/// <summary>
/// One step in changing a person's e-mail address (the address people sign in with), kept for
/// administrators to read: who, when, from which address to which.
/// </summary>
public sealed class EmailChangeAudit
{
    private EmailChangeAudit()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public EmailChangeStep Step { get; private set; }

    public string PreviousEmail { get; private set; } = "";

    public string NewEmail { get; private set; } = "";

    /// <summary>The person who asked for or made the change; null when the owner acted from a mailed link.</summary>
    public Guid? ChangedBy { get; private set; }

    public string? ChangedByName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static EmailChangeAudit Record(
        Guid personId, EmailChangeStep step, string previousEmail, string newEmail, Guid? changedBy, string? changedByName, DateTimeOffset at) => new()
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            Step = step,
            PreviousEmail = previousEmail,
            NewEmail = newEmail,
            ChangedBy = changedBy,
            ChangedByName = changedByName,
            At = at,
        };
}
