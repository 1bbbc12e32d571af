using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Notifications.Data.Migrations;

/// <summary>
/// Invitations remember the meeting's sequence in the last calendar mail sent, so a reschedule
/// that arrives after another event already carried the new time still updates every invitee.
/// Issued invitations start at their meeting copy's sequence: what the mails so far were written from.
/// </summary>
[DbContext(typeof(NotificationsDb))]
[Migration("20261207120000_InvitationMailedSequence")]
public sealed class InvitationMailedSequence : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "MailedSequence", table: "Invitations", nullable: true);
        migrationBuilder.Sql(
            "UPDATE \"Invitations\" SET \"MailedSequence\" = (SELECT \"Sequence\" FROM \"Meetings\" WHERE \"Meetings\".\"MeetingId\" = \"Invitations\".\"MeetingId\") " +
            "WHERE \"Issued\" = TRUE");
    }
}
