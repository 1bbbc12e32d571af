using KollegialtUtbyte.Notifications.Application.Mailing;
using KollegialtUtbyte.Notifications.Domain.Mails;
using KollegialtUtbyte.ServiceDefaults.Outbox;
using MassTransit;

namespace KollegialtUtbyte.Notifications.Consumers;

// Accounts, from the Identity service's events: activation and password reset links (to the
// address the event names; the token is never logged), and who holds the administrator role.

public sealed class AccountActivationRequestedConsumer(NotificationsDb db, MailQueue mails)
    : IdempotentConsumer<AccountActivationRequested, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(AccountActivationRequested message, ConsumeContext<AccountActivationRequested> context, CancellationToken cancellationToken) =>
        await mails.ToAddressAsync(MailCause.Of(context), MailKind.AccountActivation, message.Email, message.Name,
            Languages.FromPreference(message.PreferredLanguage), message.PersonId, new AccountLinkMail(message.Token, message.ExpiresAt), cancellationToken);
}

public sealed class PasswordResetRequestedConsumer(NotificationsDb db, MailQueue mails)
    : IdempotentConsumer<PasswordResetRequested, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(PasswordResetRequested message, ConsumeContext<PasswordResetRequested> context, CancellationToken cancellationToken) =>
        await mails.ToAddressAsync(MailCause.Of(context), MailKind.PasswordReset, message.Email, message.Name,
            Languages.FromPreference(message.PreferredLanguage), message.PersonId, new AccountLinkMail(message.Token, message.ExpiresAt), cancellationToken);
}

public sealed class AccountProvisionedConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<AccountProvisioned, NotificationsDb>(db)
{
    protected override Task ApplyAsync(AccountProvisioned message, ConsumeContext<AccountProvisioned> context, CancellationToken cancellationToken) =>
        copies.UpsertAccountAsync(message.AccountId, message.PersonId, message.Email, message.Name, message.Roles, message.OccurredAt, cancellationToken);
}

public sealed class AccountRolesChangedConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<AccountRolesChanged, NotificationsDb>(db)
{
    protected override Task ApplyAsync(AccountRolesChanged message, ConsumeContext<AccountRolesChanged> context, CancellationToken cancellationToken) =>
        copies.UpsertAccountAsync(message.AccountId, message.PersonId, message.Email, message.Name, message.Roles, message.OccurredAt, cancellationToken);
}

public sealed class AccountDisabledConsumer(NotificationsDb db, LocalCopies copies) : IdempotentConsumer<AccountDisabled, NotificationsDb>(db)
{
    protected override Task ApplyAsync(AccountDisabled message, ConsumeContext<AccountDisabled> context, CancellationToken cancellationToken) =>
        copies.DisableAccountAsync(message.AccountId, message.PersonId, cancellationToken);
}

/// <summary>
/// A change of e-mail address: the confirmation link to the new address, the notice with the stop
/// link to the old one. Each to the address the event names, never to the directory's copy.
/// </summary>
public sealed class PersonEmailChangeLinksIssuedConsumer(NotificationsDb db, MailQueue mails)
    : IdempotentConsumer<PersonEmailChangeLinksIssued, NotificationsDb>(db)
{
    protected override async Task ApplyAsync(PersonEmailChangeLinksIssued message, ConsumeContext<PersonEmailChangeLinksIssued> context, CancellationToken cancellationToken)
    {
        var cause = MailCause.Of(context);
        var language = Languages.FromPreference(message.PreferredLanguage);
        await mails.ToAddressAsync(cause, MailKind.EmailChangeConfirmation, message.NewEmail, message.Name, language, message.PersonId,
            new EmailChangeMail(message.ConfirmToken, message.CurrentEmail, message.NewEmail, message.ExpiresAt), cancellationToken);
        await mails.ToAddressAsync(cause, MailKind.EmailChangeNotice, message.CurrentEmail, message.Name, language, message.PersonId,
            new EmailChangeMail(message.StopToken, message.CurrentEmail, message.NewEmail, message.ExpiresAt), cancellationToken);
    }
}
