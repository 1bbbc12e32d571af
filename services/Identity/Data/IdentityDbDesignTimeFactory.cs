using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Identity.Data;

/// <summary>Builds the context for <c>dotnet ef migrations add</c> (see CONTRIBUTING.md).</summary>
internal sealed class IdentityDbDesignTimeFactory : DesignTimeDbContextFactory<IdentityDb>
{
    protected override IdentityDb Create(DbContextOptions<IdentityDb> options) => new(options);
}
