using KollegialtUtbyte.Identity.Data;

namespace KollegialtUtbyte.Identity.Tests;

public sealed class MigrationTests : ServiceMigrationTests<IdentityDb>
{
    protected override IdentityDb Create(DbContextOptions<IdentityDb> options) => new(options);
}
