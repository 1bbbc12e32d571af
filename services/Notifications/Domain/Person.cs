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

    /// <summary>When her data was erased: the copy is a tombstone that no directory news brings back, and no mail goes to her.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public long Version { get; set; }

    public Language Language => Languages.FromPreference(PreferredLanguage);

    public static Person Register(Guid personId, string name, string email, string preferredLanguage, DateTimeOffset occurredAt)
    {
        var person = new Person { PersonId = personId, ChangedAt = DateTimeOffset.MinValue };
        person.Update(name, email, preferredLanguage, occurredAt);
        return person;
    }

    /// <summary>A tombstone for someone erased before this service heard of her.</summary>
    public static Person Erased(Guid personId, DateTimeOffset now)
    {
        var person = new Person { PersonId = personId, ChangedAt = DateTimeOffset.MinValue };
        person.Erase(now);
        return person;
    }

    /// <summary>Pseudonymises the copy for good (GDPR art. 17). Running it again changes nothing.</summary>
    public void Erase(DateTimeOffset now)
    {
        Name = ErasedPerson.Name;
        Email = "";
        ErasedAt ??= now;
    }

    /// <summary>Applies the details unless newer ones were applied already, or she was erased. Returns whether the e-mail address changed.</summary>
    public bool Update(string name, string email, string preferredLanguage, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt || IsErased)
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
