namespace KollegialtUtbyte.Meetings.Domain;

/// <summary>A personal calendar feed: its secret link token, stored hashed, revocable.</summary>
public sealed class CalendarFeed
{
    private CalendarFeed()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static (CalendarFeed Feed, string Token) Issue(Guid personId, DateTimeOffset now)
    {
        var (token, hash) = SecretToken.Create();
        return (new CalendarFeed { Id = Guid.NewGuid(), PersonId = personId, TokenHash = hash, CreatedAt = now }, token);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
