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

    /// <summary>To the new address of a changed e-mail address: the link that confirms it.</summary>
    EmailChangeConfirmation,

    /// <summary>To the old address of a changed e-mail address: the notice, with the link that stops the change.</summary>
    EmailChangeNotice,

    /// <summary>To the owner of a decision's action: its due date is near.</summary>
    DecisionActionDueSoon,

    /// <summary>To the owner of a decision's action: its due date has passed and it is still open.</summary>
    DecisionActionOverdue,
}
