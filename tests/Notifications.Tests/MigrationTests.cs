using KollegialtUtbyte.Notifications.Data;

namespace KollegialtUtbyte.Notifications.Tests;

public sealed class MigrationTests : ServiceMigrationTests<NotificationsDb>
{
    protected override NotificationsDb Create(DbContextOptions<NotificationsDb> options) => new(options);
}
