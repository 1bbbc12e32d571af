using KollegialtUtbyte.ServiceDefaults.Retention;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace KollegialtUtbyte.Identity.Application.Retention;

/// <summary>
/// The provider's tokens (refresh tokens, authorization codes) that expired before the cutoff, and
/// those created before it that were revoked or redeemed, then the authorizations left without a
/// valid token. Such a token is refused anyway, so nothing depends on it any longer. Expiry is
/// judged here on the service's clock; the provider's own pruning judges it on the system clock.
/// </summary>
internal sealed class OpenIdTokenRetention : IRetentionRule
{
    public string Kind => "OpenIdTokens";

    public TimeSpan DefaultPeriod => TimeSpan.FromDays(1);

    public async Task<int> DeleteExpiredAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var before = cutoff.UtcDateTime;
        var expired = await services.GetRequiredService<IdentityDb>().Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.ExpirationDate < before)
            .ExecuteDeleteAsync(cancellationToken);
        var tokens = expired + await services.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(cutoff, cancellationToken);
        var authorizations = await services.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(cutoff, cancellationToken);
        return (int)Math.Min(int.MaxValue, tokens + authorizations);
    }
}

/// <summary>Activation and password-reset links whose lifetime ended before the cutoff (used or not).</summary>
internal sealed class AccountLinkRetention : IRetentionRule
{
    public string Kind => "AccountLinks";

    public TimeSpan DefaultPeriod => TimeSpan.FromDays(1);

    public Task<int> DeleteExpiredAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        services.GetRequiredService<IdentityDb>().AccountLinkTokens.Where(t => t.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
}

/// <summary>
/// E-mail changes (both addresses and the hashes of the confirm and stop links) whose links expired
/// and which were decided before the cutoff. A confirmed change authorises the directory's update
/// of the sign-in name, which arrives within the outbox window, so the period is longer than that.
/// </summary>
internal sealed class EmailChangeRetention : IRetentionRule
{
    public string Kind => "EmailChanges";

    public TimeSpan DefaultPeriod => TimeSpan.FromDays(30);

    public Task<int> DeleteExpiredAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        services.GetRequiredService<IdentityDb>().EmailChanges
            .Where(c => c.ExpiresAt < cutoff && (c.DecidedAt == null || c.DecidedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
}
