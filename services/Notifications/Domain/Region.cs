using KollegialtUtbyte.SharedKernel;

namespace KollegialtUtbyte.Notifications.Domain;

/// <summary>A region's name, so feedback mails can say whose draft it is.</summary>
public sealed class Region : IVersioned
{
    private Region()
    {
        Name = "";
    }

    public Guid RegionId { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public long Version { get; set; }

    public static Region Register(Guid regionId, string name, DateTimeOffset occurredAt) =>
        new() { RegionId = regionId, Name = Limits.Clip(name, Limits.Name), ChangedAt = occurredAt };

    public void Rename(string name, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt || string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        Name = Limits.Clip(name, Limits.Name);
        ChangedAt = occurredAt;
    }
}
