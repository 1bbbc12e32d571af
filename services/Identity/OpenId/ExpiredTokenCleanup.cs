using KollegialtUtbyte.Identity.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace KollegialtUtbyte.Identity.OpenId;

/// <summary>
/// Deletes the provider's tokens and authorizations, and link tokens, a day after they expired
/// or were revoked, hourly. Such a token is refused anyway, so nothing depends on it any longer.
/// </summary>
internal sealed class ExpiredTokenCleanup(IServiceScopeFactory scopes, TimeProvider time, ILogger<ExpiredTokenCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
                var cutoff = time.GetUtcNow() - Grace;
                await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(cutoff, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(cutoff, stoppingToken);
                await db.AccountLinkTokens.Where(t => t.ExpiresAt < cutoff).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Deleting expired tokens failed; trying again in an hour");
            }
        }
    }
}
