namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>
/// Links in mails, all under the public address of the suite (the gateway): the invitation answers
/// (a Meetings page where the invitee confirms, without signing in), account activation, password
/// reset and the confirmation or stop of a changed e-mail address (Identity), and the portal's
/// page where the owner of a decision's action follows it up.
/// </summary>
public sealed record MailLinks(Uri PublicBaseUrl)
{
    public const string InvitationAnswerPath = "api/meetings/invitations/answer";
    public const string ActivationPath = "account/activate";
    public const string PasswordResetPath = "account/reset-password";
    public const string EmailChangeConfirmationPath = "account/confirm-email";
    public const string EmailChangeStopPath = "account/stop-email-change";
    public const string MyActionsPath = "mina-atgarder";

    public Uri Portal => Base;

    /// <summary>The owner's open actions in the portal, at this one (where its status and notes are recorded).</summary>
    public Uri MyAction(Guid actionId) => new(Base, $"{MyActionsPath}#action-{actionId:N}");

    private Uri Base => PublicBaseUrl.AbsoluteUri.EndsWith('/') ? PublicBaseUrl : new Uri(PublicBaseUrl.AbsoluteUri + "/");

    public Uri InvitationAnswer(string token, InvitationAnswer answer) =>
        new(Base, $"{InvitationAnswerPath}?token={Uri.EscapeDataString(token)}&answer={answer.ToString().ToLowerInvariant()}");

    public Uri AccountActivation(string token) => new(Base, $"{ActivationPath}?token={Uri.EscapeDataString(token)}");

    public Uri PasswordReset(string token) => new(Base, $"{PasswordResetPath}?token={Uri.EscapeDataString(token)}");

    /// <summary>The page opens in the mail's language.</summary>
    public Uri EmailChangeConfirmation(string token, Language language) =>
        new(Base, $"{EmailChangeConfirmationPath}?token={Uri.EscapeDataString(token)}&lang={language.Code()}");

    public Uri EmailChangeStop(string token, Language language) =>
        new(Base, $"{EmailChangeStopPath}?token={Uri.EscapeDataString(token)}&lang={language.Code()}");
}
