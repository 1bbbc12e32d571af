namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>Writes a queued mail for its recipient, in their language.</summary>
public static class MailRenderer
{
    public static MailContent Render(MailKind kind, MailPayload payload, MailRecipient recipient, MailSettings settings, DateTimeOffset now) =>
        payload switch
        {
            MeetingMail meeting => MeetingMails.Render(kind, meeting, recipient, settings, now),
            FeedbackMail feedback => FeedbackMails.Render(kind, feedback, recipient, settings),
            AccountLinkMail account => AccountMails.Render(kind, account, recipient, settings),
            EmailChangeMail change => EmailChangeMails.Render(kind, change, recipient, settings),
            QuotaAlertMail quota => QuotaMails.Render(quota, recipient, settings),
            DecisionActionMail action => DecisionActionMails.Render(kind, action, recipient, settings),
            _ => throw new ArgumentException($"No text for {payload.GetType().Name}.", nameof(payload)),
        };
}
