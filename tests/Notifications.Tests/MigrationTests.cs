using KollegialtUtbyte.Notifications.Data;
using KollegialtUtbyte.Testing;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Notifications.Tests;

public sealed class MigrationTests : ServiceMigrationTests<NotificationsDb>
{
    protected override NotificationsDb Create(DbContextOptions<NotificationsDb> options) => new(options);
}
