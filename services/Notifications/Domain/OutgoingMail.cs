using KollegialtUtbyte.Notifications.Domain.Mails;
using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Notifications.Domain;

public enum MailStatus
{
    /// <summary>Addressed to a person the directory does not know yet; sent once they arrive.</summary>
    AwaitingRecipient,
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One mail to one recipient, recorded before it is sent. Its <see cref="DeduplicationKey"/> (what caused
/// it, its kind, its recipient) is unique, so a redelivered event never mails twice. The dispatcher
/// sends it, retries transient failures with growing pauses and finally records it as failed.
/// </summary>
public sealed class OutgoingMail : IVersioned
{
    public const int MaxErrorLength = 1000;
    public const int MaxSubjectLength = 500;
    public const int MaxNameLength = 200;

    private OutgoingMail()
    {
        DeduplicationKey = "";
    }

    public Guid Id { get; private set; }

    public string DeduplicationKey { get; private set; }

    public MailKind Kind { get; private set; }

    /// <summary>The recipient in the directory: their address and language are read when the mail is sent.</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>An address given by the event itself (account links) or by configuration (administrators); wins over the directory's.</summary>
    public string? Address { get; private set; }

    public string? RecipientName { get; private set; }

    /// <summary>The language the event asked for; otherwise the directory's, otherwise Swedish.</summary>
    public Language? Language { get; private set; }

    /// <summary>What the mail is about (JSON of the kind's payload). Cleared once sent or failed: it may hold link tokens.</summary>
    public string? Payload { get; private set; }

    public MailStatus Status { get; private set; }

    /// <summary>Delivery attempts made so far.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    public string? SentTo { get; private set; }

    public string? Subject { get; private set; }

    public string? LastError { get; private set; }

    public long Version { get; set; }

    public static OutgoingMail ToPerson(string deduplicationKey, MailKind kind, Guid personId, string payload, DateTimeOffset now) =>
        new()
        {
            Id = Guid.NewGuid(),
            DeduplicationKey = deduplicationKey,
            Kind = kind,
            PersonId = personId,
            Payload = payload,
            Status = MailStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };

    public static OutgoingMail ToAddress(
        string deduplicationKey, MailKind kind, string address, string? name, Language? language, Guid? personId, string payload, DateTimeOffset now) =>
        new()
        {
            Id = Guid.NewGuid(),
            DeduplicationKey = deduplicationKey,
            Kind = kind,
            Address = Limits.Clip(address, Limits.Email),
            RecipientName = name is null ? null : Truncate(name, MaxNameLength),
            Language = language,
            PersonId = personId,
            Payload = payload,
            Status = MailStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };

    /// <summary>
    /// Takes the mail for one delivery attempt: no other dispatcher picks it up until
    /// <paramref name="leaseUntil"/> (the version check makes the claim exclusive). A dispatcher that
    /// dies mid-attempt leaves it to be tried again after the lease.
    /// </summary>
    public void Claim(DateTimeOffset leaseUntil) => NextAttemptAt = leaseUntil;

    public void AwaitRecipient() => Status = MailStatus.AwaitingRecipient;

    /// <summary>The recipient has arrived in the directory (or changed address): send now.</summary>
    public void Release(DateTimeOffset now)
    {
        if (Status == MailStatus.AwaitingRecipient)
        {
            Status = MailStatus.Pending;
            NextAttemptAt = now;
        }
    }

    /// <summary>The mail has been written: its subject is kept, so that a failed mail can be named to the administrator.</summary>
    public void Rendered(string subject) => Subject = Truncate(subject, MaxSubjectLength);

    public void Delivered(DateTimeOffset now, string sentTo, string subject)
    {
        Attempts++;
        Status = MailStatus.Sent;
        SentAt = now;
        SentTo = Limits.Clip(sentTo, Limits.Email);
        Subject = Truncate(subject, MaxSubjectLength);
        Payload = null;
        LastError = null;
    }

    /// <summary>A transient failure: try again after the policy's pause, or give up when attempts are exhausted.</summary>
    public void AttemptFailed(string error, DateTimeOffset now, DeliveryPolicy policy)
    {
        Attempts++;
        LastError = Truncate(error, MaxErrorLength);
        if (Attempts >= policy.MaxAttempts)
        {
            MarkFailed(now);
            return;
        }

        NextAttemptAt = now + policy.PauseAfter(Attempts);
    }

    /// <summary>A failure that no retry can fix (an invalid address, a rejected mailbox, a mail that cannot be written).</summary>
    public void GiveUp(string error, DateTimeOffset now, bool attempted)
    {
        if (attempted)
        {
            Attempts++;
        }

        LastError = Truncate(error, MaxErrorLength);
        MarkFailed(now);
    }

    /// <summary>Whether the mail is still to be sent (or waits for its recipient).</summary>
    public bool IsQueued => Status is MailStatus.Pending or MailStatus.AwaitingRecipient;

    /// <summary>
    /// Keeps that a mail was sent (kind, subject, when, how it went) but no longer to whom: the
    /// recipient's address and name go, and so does what the mail was written from.
    /// </summary>
    public void ForgetRecipient(string? email)
    {
        Address = null;
        RecipientName = null;
        SentTo = null;
        Payload = null;
        LastError = null;
        if (email is { Length: > 0 } && DeduplicationKey.Contains("mailto:", StringComparison.Ordinal))
        {
            // The key named the address; it only has to stay unique now.
            DeduplicationKey = Limits.Clip($"erased:{Id:N}", Limits.DeduplicationKey);
        }
    }

    /// <summary>
    /// A mail to someone else that names an erased person (its subject, or what a queued mail is
    /// written from): it names "Borttagen person" instead. The payload stores JSON, so it is
    /// searched for the name as JSON writes it.
    /// </summary>
    public bool ForgetName(string name, string encodedName, string encodedPseudonym)
    {
        var inSubject = Subject is not null && name.Length > 0 && Subject.Contains(name, StringComparison.Ordinal);
        var inPayload = Payload is not null && encodedName.Length > 0 && Payload.Contains(encodedName, StringComparison.Ordinal);
        if (inSubject)
        {
            Subject = Truncate(Subject!.Replace(name, ErasedPerson.Name, StringComparison.Ordinal), MaxSubjectLength);
        }

        if (inPayload)
        {
            Payload = Payload!.Replace(encodedName, encodedPseudonym, StringComparison.Ordinal);
        }

        return inSubject || inPayload;
    }

    private void MarkFailed(DateTimeOffset now)
    {
        Status = MailStatus.Failed;
        FailedAt = now;
        Payload = null;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>How long to keep trying: pauses double from <see cref="FirstPause"/> up to <see cref="LongestPause"/>.</summary>
public sealed record DeliveryPolicy(int MaxAttempts, TimeSpan FirstPause, TimeSpan LongestPause)
{
    public TimeSpan PauseAfter(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var pause = FirstPause * Math.Pow(2, doublings);
        return pause < LongestPause ? pause : LongestPause;
    }
}
