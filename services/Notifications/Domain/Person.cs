using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>
/// A person in the local directory (a copy fed by the Regions service's events): where to send
/// their mail and in which language.
/// </summary>
public sealed class Person : IVersioned
{
    private Person()
    {
        Name = "";
        Email = "";
        PreferredLanguage = "sv";
    }

    public Guid PersonId { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public string PreferredLanguage { get; private set; }

    /// <summary>When the details applied last were current; older details arriving late are ignored.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public long Version { get; set; }

    public Language Language => Languages.FromPreference(PreferredLanguage);

    public static Person Register(Guid personId, string name, string email, string preferredLanguage, DateTimeOffset occurredAt)
    {
        var person = new Person { PersonId = personId, ChangedAt = DateTimeOffset.MinValue };
        person.Update(name, email, preferredLanguage, occurredAt);
        return person;
    }

    /// <summary>Applies the details unless newer ones were applied already. Returns whether the e-mail address changed.</summary>
    public bool Update(string name, string email, string preferredLanguage, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return false;
        }

        var newEmail = Limits.Clip(email, Limits.Email);
        var emailChanged = !string.Equals(Email, newEmail, StringComparison.OrdinalIgnoreCase);
        Name = Limits.Clip(name, Limits.Name);
        Email = newEmail;
        PreferredLanguage = string.IsNullOrWhiteSpace(preferredLanguage) ? "sv" : Limits.Clip(preferredLanguage, Limits.LanguageCode);
        ChangedAt = occurredAt;
        return emailChanged;
    }
}
