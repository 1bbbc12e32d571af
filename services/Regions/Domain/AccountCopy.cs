namespace KollegialtUtbyte.Regions.Domain;

/// <summary>
/// What the directory knows of a person's account in Identity, from its events: whether it
/// administers the suite. Enough to refuse erasing the last administrator. Events may arrive
/// late or twice: each part ignores news older than what is known.
/// </summary>
public sealed class AccountCopy
{
    private AccountCopy()
    {
    }

    public Guid PersonId { get; private set; }

    public bool IsAdministrator { get; private set; }

    public bool IsDisabled { get; private set; }

    public DateTimeOffset? RolesAsOf { get; private set; }

    public DateTimeOffset? DisabledAsOf { get; private set; }

    /// <summary>An enabled account with the administrator role.</summary>
    public bool Administers => IsAdministrator && !IsDisabled;

    public static AccountCopy Known(Guid personId) => new() { PersonId = personId };

    public void ApplyRoles(IEnumerable<string> roles, DateTimeOffset asOf)
    {
        if (RolesAsOf is { } known && asOf < known)
        {
            return;
        }

        IsAdministrator = roles.Contains(Roles.Administrator);
        RolesAsOf = asOf;
    }

    public void ApplyDisabled(bool disabled, DateTimeOffset asOf)
    {
        if (DisabledAsOf is { } known && asOf < known)
        {
            return;
        }

        IsDisabled = disabled;
        DisabledAsOf = asOf;
    }
}
