using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>
/// An account as far as administrator alerts need it (a copy fed by the Identity service's events):
/// its address and whether it currently holds the administrator role.
/// </summary>
public sealed class AdministratorAccount : IVersioned
{
    private AdministratorAccount()
    {
        Email = "";
        Name = "";
    }

    public Guid AccountId { get; private set; }

    public Guid PersonId { get; private set; }

    public string Email { get; private set; }

    public string Name { get; private set; }

    public bool IsAdministrator { get; private set; }

    public bool Disabled { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public long Version { get; set; }

    public bool ReceivesAlerts => IsAdministrator && !Disabled;

    public static AdministratorAccount For(Guid accountId, Guid personId) =>
        new() { AccountId = accountId, PersonId = personId, ChangedAt = DateTimeOffset.MinValue };

    public void Apply(string email, string name, bool isAdministrator, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return;
        }

        Email = Limits.Clip(email, Limits.Email);
        Name = Limits.Clip(name, Limits.Name);
        IsAdministrator = isAdministrator;
        ChangedAt = occurredAt;
    }

    /// <summary>Her account is gone: no alerts, no address, no name.</summary>
    public void Erase()
    {
        Email = "";
        Name = ErasedPerson.Name;
        Disabled = true;
    }

    /// <summary>A disabled account stays disabled, whatever role change arrives after it.</summary>
    public void Disable() => Disabled = true;
}
