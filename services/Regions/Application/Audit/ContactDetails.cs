namespace KollegialtUtbyte.Regions.Application.Audit;

/// <summary>The contact details an audit entry names when they change (by field name: the values stay in the directory).</summary>
internal sealed record ContactDetails(string Name, string? Phone, string? Title, string PreferredLanguage, string? Gender, bool ShareContactDetails)
{
    public static ContactDetails Of(Person person) =>
        new(person.Name, person.Phone, person.Title, person.PreferredLanguage, person.Gender, person.ShareContactDetails);

    public static List<string> Changed(ContactDetails before, ContactDetails after)
    {
        var changed = new List<string>();
        Add(changed, "name", before.Name != after.Name);
        Add(changed, "phone", before.Phone != after.Phone);
        Add(changed, "title", before.Title != after.Title);
        Add(changed, "preferredLanguage", before.PreferredLanguage != after.PreferredLanguage);
        Add(changed, "gender", before.Gender != after.Gender);
        Add(changed, "shareContactDetails", before.ShareContactDetails != after.ShareContactDetails);
        return changed;
    }

    private static void Add(List<string> changed, string field, bool differs)
    {
        if (differs)
        {
            changed.Add(field);
        }
    }
}
