using KollegialtUtbyte.Identity.Data;
using KollegialtUtbyte.Testing;
using Microsoft.EntityFrameworkCore;

namespace KollegialtUtbyte.Identity.Tests;

public sealed class MigrationTests : ServiceMigrationTests<IdentityDb>
{
    protected override IdentityDb Create(DbContextOptions<IdentityDb> options) => new(options);
}
