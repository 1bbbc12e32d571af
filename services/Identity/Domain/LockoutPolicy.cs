namespace KollegialtUtbyte.Identity.Domain;

/// <summary>
/// After <see cref="MaxFailedAttempts"/> wrong passwords in a row an account is locked; no
/// password is checked while it is locked, which makes guessing slow. Each further lockout
/// before the next successful sign-in lasts twice as long as the one before, from
/// <see cref="Duration"/> up to <see cref="MaxDuration"/>, so guessing gets slower and slower
/// instead of restarting after every lockout.
/// </summary>
public sealed record LockoutPolicy(int MaxFailedAttempts, TimeSpan Duration, TimeSpan MaxDuration)
{
    public static bool IsLockedOut(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is { } end && end > now;

    /// <summary>How long the lockout lasts after <paramref name="earlierLockouts"/> lockouts since the last successful sign-in.</summary>
    public TimeSpan DurationAfter(int earlierLockouts)
    {
        var duration = Duration;
        for (var i = 0; i < earlierLockouts && duration < MaxDuration; i++)
        {
            duration += duration;
        }

        return duration < MaxDuration ? duration : MaxDuration;
    }

    /// <summary>The failure count, the lockout count and the lockout end after one more wrong password.</summary>
    public (int FailedAttempts, int Lockouts, DateTimeOffset? LockoutEnd) AfterFailure(int failedAttempts, int lockouts, DateTimeOffset now) =>
        failedAttempts + 1 >= MaxFailedAttempts
            ? (0, lockouts + 1, now + DurationAfter(lockouts))
            : (failedAttempts + 1, lockouts, null);
}
