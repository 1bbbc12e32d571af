using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Regions.Tests;

public sealed class MigrationTests : ServiceMigrationTests<RegionsDb>
{
    protected override RegionsDb Create(DbContextOptions<RegionsDb> options) => new(options);
}
