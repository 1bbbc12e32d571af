namespace KollegialtUtbyte.Identity.Domain;

/// <summary>
/// After <see cref="MaxFailedAttempts"/> wrong passwords in a row an account is locked for
/// <see cref="Duration"/>; no password is checked while it is locked, which makes guessing slow.
/// </summary>
public sealed record LockoutPolicy(int MaxFailedAttempts, TimeSpan Duration)
{
    public static bool IsLockedOut(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is { } end && end > now;

    /// <summary>The failure count and lockout end after one more wrong password.</summary>
    public (int FailedAttempts, DateTimeOffset? LockoutEnd) AfterFailure(int failedAttempts, DateTimeOffset now) =>
        failedAttempts + 1 >= MaxFailedAttempts ? (0, now + Duration) : (failedAttempts + 1, null);
}
