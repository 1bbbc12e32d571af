using System.Net;
using System.Threading.RateLimiting;

namespace KollegialtUtbyte.Identity.Application.OpenId;

/// <summary>
/// Rate limits against password guessing, per account name and per client address: sign-in
/// attempts at <c>/connect/token</c>, and password-reset requests. Kept in memory per instance;
/// the lockout, stored with the account, holds across instances.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _signInsPerAccount;
    private readonly PartitionedRateLimiter<string> _signInsPerAddress;
    private readonly PartitionedRateLimiter<string> _resetLinksPerAccount;
    private readonly PartitionedRateLimiter<string> _resetRequestsPerAddress;

    public SignInThrottle(IOptions<IdentityOptions> settings)
    {
        var throttle = settings.Value.Throttle;
        _signInsPerAccount = Limiter(throttle.AttemptsPerAccount, throttle.AccountWindow);
        _signInsPerAddress = Limiter(throttle.AttemptsPerAddress, throttle.AddressWindow);
        _resetLinksPerAccount = Limiter(throttle.ResetLinksPerAccount, throttle.ResetWindow);
        _resetRequestsPerAddress = Limiter(throttle.ResetRequestsPerAddress, throttle.ResetWindow);
    }

    /// <summary>One sign-in attempt; null when allowed, else how long to wait.</summary>
    public TimeSpan? SignInAttempt(string? accountName, IPAddress? address) =>
        Acquire(_signInsPerAddress, AddressKey(address)) ?? (accountName is null ? null : Acquire(_signInsPerAccount, AccountKey(accountName)));

    /// <summary>One password-reset request from <paramref name="address"/>; null when allowed, else how long to wait.</summary>
    public TimeSpan? ResetRequest(IPAddress? address) => Acquire(_resetRequestsPerAddress, AddressKey(address));

    /// <summary>Whether another reset link may be mailed to the account of <paramref name="email"/> now.</summary>
    public bool MayMailResetLink(string email) => Acquire(_resetLinksPerAccount, AccountKey(email)) is null;

    public void Dispose()
    {
        _signInsPerAccount.Dispose();
        _signInsPerAddress.Dispose();
        _resetLinksPerAccount.Dispose();
        _resetRequestsPerAddress.Dispose();
    }

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));

    private static TimeSpan? Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1);
    }

    // Account names are e-mail addresses, matched as Identity normalises them.
    private static string AccountKey(string accountName) => accountName.Trim().ToUpperInvariant();

    private static string AddressKey(IPAddress? address) => address?.ToString() ?? "unknown";
}
