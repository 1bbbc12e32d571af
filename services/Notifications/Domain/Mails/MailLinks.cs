using KollegialtUtbyte.Contracts;

namespace KollegialtUtbyte.Notifications.Domain.Mails;

/// <summary>
/// Links in mails, all under the public address of the suite (the gateway): the invitation answers
/// (a Meetings page where the invitee confirms, without signing in), account activation and password
/// reset (Identity).
/// </summary>
public sealed record MailLinks(Uri PublicBaseUrl)
{
    public const string InvitationAnswerPath = "api/meetings/invitations/answer";
    public const string ActivationPath = "account/activate";
    public const string PasswordResetPath = "account/reset-password";

    public Uri Portal => Base;

    private Uri Base => PublicBaseUrl.AbsoluteUri.EndsWith('/') ? PublicBaseUrl : new Uri(PublicBaseUrl.AbsoluteUri + "/");

    public Uri InvitationAnswer(string token, InvitationAnswer answer) =>
        new(Base, $"{InvitationAnswerPath}?token={Uri.EscapeDataString(token)}&answer={answer.ToString().ToLowerInvariant()}");

    public Uri AccountActivation(string token) => new(Base, $"{ActivationPath}?token={Uri.EscapeDataString(token)}");

    public Uri PasswordReset(string token) => new(Base, $"{PasswordResetPath}?token={Uri.EscapeDataString(token)}");
}
