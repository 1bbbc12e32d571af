namespace KollegialtUtbyte.Notifications.ApiContracts;

/// <summary>
/// A mail that will not be sent: to whom, what, when, and why, without its content (the payload with
/// its links is gone once a mail fails, and the error is shown without links or tokens).
/// </summary>
/// <param name="RegionId">The region in whose team the recipient is (where the address is corrected); null for mails to an account or an administrator.</param>
public sealed record FailedMail(
    Guid Id,
    string Kind,
    string? RecipientName,
    string? RecipientAddress,
    Guid? PersonId,
    Guid? RegionId,
    string? Subject,
    DateTimeOffset CreatedAt,
    DateTimeOffset FailedAt,
    int Attempts,
    string? LastError);

/// <param name="Total">All failed mails; <paramref name="Mails"/> holds the newest <see cref="NotificationsLimits.MaxFailedMailsListed"/>.</param>
public sealed record FailedMails(int Total, IReadOnlyList<FailedMail> Mails);
