using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Notifications.Data.Migrations;

/// <summary>
/// Invitations remember when they were issued and withdrawn, so an invitation issued again after
/// its withdrawal (the person rejoined) is told from the original arriving late. Hand-written.
/// </summary>
[DbContext(typeof(NotificationsDb))]
[Migration("20261207000000_InvitationTimes")]
public sealed class InvitationTimes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "IssuedAt", table: "Invitations", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "WithdrawnAt", table: "Invitations", nullable: true);
    }
}
