using KollegialtUtbyte.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Meetings.Tests;

public sealed class MigrationTests : ServiceMigrationTests<MeetingsDb>
{
    protected override MeetingsDb Create(DbContextOptions<MeetingsDb> options) => new(options);
}
