using KollegialtUtbyte.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Regions.Data.Migrations;

/// <summary>Hand-written (see the README's migration rules); the migration tests compare it with the model.</summary>
[DbContext(typeof(RegionsDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInboxTables();
    }
}
