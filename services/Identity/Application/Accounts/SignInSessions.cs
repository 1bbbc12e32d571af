using OpenIddict.Abstractions;

namespace KollegialtUtbyte.Identity.Application.Accounts;

/// <summary>
/// A person's sign-ins at the provider: the authorizations and the refresh tokens of every
/// client. Ended together when the account is disabled or its password is reset, so no refresh
/// token issued before works afterwards; access tokens run out within their short lifetime.
/// </summary>
public sealed class SignInSessions(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
    public async Task EndAllAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var subject = accountId.ToString();
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
    }
}
