using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Notifications.Data;

/// <summary>Builds the context for <c>dotnet ef migrations add</c> (see CONTRIBUTING.md).</summary>
internal sealed class NotificationsDbDesignTimeFactory : DesignTimeDbContextFactory<NotificationsDb>
{
    protected override NotificationsDb Create(DbContextOptions<NotificationsDb> options) => new(options);
}
