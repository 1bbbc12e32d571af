namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>What a mail is; part of its deduplication key and the choice of its text.</summary>
public enum MailKind
{
    MeetingInvitation,
    MeetingUpdate,
    MeetingCancellation,
    InvitationWithdrawal,
    MeetingReminder,
    FeedbackReviewRequested,
    FeedbackDeadlineReminder,
    FeedbackReleased,
    AccountActivation,
    PasswordReset,
    PoliticianQuotaAlert,
}
