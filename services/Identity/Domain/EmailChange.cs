namespace KollegialtUtbyte.Identity.Domain;

public enum EmailChangeState
{
    /// <summary>Mailed; waiting for the owner to confirm it from the new address, or to stop it from the old one.</summary>
    Pending,
    Confirmed,

    /// <summary>Stopped from the old address, or after too many wrong passwords on the confirmation page.</summary>
    Cancelled,

    /// <summary>A newer request, or an administrator's direct change, took its place.</summary>
    Replaced,

    /// <summary>An administrator set the address directly in the directory, without confirmation.</summary>
    SetByAdministrator,
}

/// <summary>
/// A change of a person's e-mail address, the account's sign-in name. The account moves to the
/// new address only once the change is confirmed (or an administrator set it): a directory entry
/// naming another address is not enough. The confirmation and stop links are single-use,
/// expiring secrets of which only the hashes are kept.
/// </summary>
public sealed class EmailChange
{
    /// <summary>Wrong passwords on the confirmation page before the change is called off.</summary>
    public const int MaxFailedConfirmations = 5;

    private EmailChange()
    {
    }

    /// <summary>The change as Regions named it (or a new id for an administrator's direct change).</summary>
    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string PreviousEmail { get; private set; } = "";

    public string NewEmail { get; private set; } = "";

    public string NormalizedNewEmail { get; private set; } = "";

    public EmailChangeState State { get; private set; }

    public string? ConfirmTokenHash { get; private set; }

    public string? StopTokenHash { get; private set; }

    public int FailedConfirmations { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The form ASP.NET Core Identity compares addresses in.</summary>
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static EmailChange Request(
        Guid id, Guid personId, string previousEmail, string newEmail, string confirmTokenHash, string stopTokenHash, DateTimeOffset now, TimeSpan lifetime) => new()
        {
            Id = id,
            PersonId = personId,
            PreviousEmail = previousEmail,
            NewEmail = newEmail.Trim(),
            NormalizedNewEmail = Normalize(newEmail),
            State = EmailChangeState.Pending,
            ConfirmTokenHash = confirmTokenHash,
            StopTokenHash = stopTokenHash,
            RequestedAt = now,
            ExpiresAt = now + lifetime,
        };

    public static EmailChange SetByAdministrator(Guid personId, string previousEmail, string newEmail, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        PersonId = personId,
        PreviousEmail = previousEmail,
        NewEmail = newEmail.Trim(),
        NormalizedNewEmail = Normalize(newEmail),
        State = EmailChangeState.SetByAdministrator,
        RequestedAt = now,
        ExpiresAt = now,
        DecidedAt = now,
    };

    public bool IsPendingAt(DateTimeOffset now) => State == EmailChangeState.Pending && now < ExpiresAt;

    /// <summary>Whether this change lets the account move its sign-in name to <paramref name="email"/>.</summary>
    public bool Authorises(string email) =>
        State is EmailChangeState.Confirmed or EmailChangeState.SetByAdministrator && NormalizedNewEmail == Normalize(email);

    public void Confirm(DateTimeOffset now) => Decide(EmailChangeState.Confirmed, now);

    public void Cancel(DateTimeOffset now) => Decide(EmailChangeState.Cancelled, now);

    public void Replace(DateTimeOffset now)
    {
        if (State == EmailChangeState.Pending)
        {
            State = EmailChangeState.Replaced;
            DecidedAt = now;
        }
    }

    /// <summary>Counts a wrong password; returns true when that was one too many and the change is called off.</summary>
    public bool FailConfirmation(DateTimeOffset now)
    {
        FailedConfirmations++;
        if (FailedConfirmations < MaxFailedConfirmations)
        {
            return false;
        }

        Cancel(now);
        return true;
    }

    private void Decide(EmailChangeState state, DateTimeOffset now)
    {
        if (!IsPendingAt(now))
        {
            throw new InvalidOperationException("The e-mail change is no longer pending.");
        }

        State = state;
        DecidedAt = now;
    }
}
