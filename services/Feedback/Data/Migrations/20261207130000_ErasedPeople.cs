using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Feedback.Data.Migrations;

/// <summary>
/// The people whose data was erased, so late team events cannot bring their names back.
/// Hand-written; the migration tests compare it with the model.
/// </summary>
[DbContext(typeof(FeedbackDb))]
[Migration("20261207130000_ErasedPeople")]
public sealed class ErasedPeople : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ErasedPeople",
            columns: table => new
            {
                PersonId = table.Column<Guid>(nullable: false),
                ErasedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ErasedPeople", x => x.PersonId));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ErasedPeople");
}
