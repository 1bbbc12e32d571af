namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>What a queued mail is about: everything its text needs besides the recipient.</summary>
public abstract record MailPayload
{
    /// <summary>The payload type each kind of mail carries.</summary>
    public static Type TypeFor(MailKind kind) => kind switch
    {
        MailKind.MeetingInvitation or MailKind.MeetingUpdate or MailKind.MeetingCancellation
            or MailKind.InvitationWithdrawal or MailKind.MeetingReminder => typeof(MeetingMail),
        MailKind.FeedbackReviewRequested or MailKind.FeedbackDeadlineReminder or MailKind.FeedbackReleased => typeof(FeedbackMail),
        MailKind.AccountActivation or MailKind.PasswordReset => typeof(AccountLinkMail),
        MailKind.PoliticianQuotaAlert => typeof(QuotaAlertMail),
        MailKind.EmailChangeConfirmation or MailKind.EmailChangeNotice => typeof(EmailChangeMail),
        MailKind.DecisionActionDueSoon or MailKind.DecisionActionOverdue => typeof(DecisionActionMail),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of mail."),
    };
}

/// <summary>A mail about a meeting. <see cref="AnswerToken"/> (while usable) gives the one-click answer links.</summary>
public sealed record MeetingMail(
    MeetingDetails Meeting,
    TeamRole? Role,
    InvitationAnswer Answer,
    string? AnswerToken,
    DateTimeOffset? AnswerTokenExpiresAt,
    string? Reason = null) : MailPayload;

public sealed record FeedbackMail(
    Guid RoundId,
    string DocumentTitle,
    string? AuthorRegionName,
    DateTimeOffset Deadline,
    int? FeedbackCount = null) : MailPayload;

/// <summary>An account activation or password reset link. The token is single-use and must never be logged.</summary>
public sealed record AccountLinkMail(string Token, DateTimeOffset ExpiresAt) : MailPayload;

/// <summary>
/// A change of e-mail address: the confirmation link (to the new address) or the stop link (to the
/// old). The token is single-use and must never be logged.
/// </summary>
public sealed record EmailChangeMail(string Token, string CurrentEmail, string NewEmail, DateTimeOffset ExpiresAt) : MailPayload;

public sealed record QuotaAlertMail(
    Guid ProgrammeId,
    string RegionName,
    string PoliticianName,
    QuotaStatus Status,
    int Accepted,
    int Attended,
    int Required,
    int StillPossible) : MailPayload;

/// <summary>A reminder about an action of a decision in approved documentation.</summary>
public sealed record DecisionActionMail(
    Guid ActionId,
    string What,
    string? RegistryNumber,
    string PointNumber,
    DateOnly DueOn,
    DecisionActionOwnerKind OwnerKind,
    string OwnerName) : MailPayload;
