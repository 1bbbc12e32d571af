using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Notifications.Data.Migrations;

/// <summary>Hand-written (see the README's migration rules); the migration tests compare it with the model.</summary>
[DbContext(typeof(NotificationsDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInboxTables();
    }
}
