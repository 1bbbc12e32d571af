namespace KollegialtUtbyte.Regions.Data;

/// <summary>Builds the context for <c>dotnet ef migrations add</c> (see CONTRIBUTING.md).</summary>
internal sealed class RegionsDbDesignTimeFactory : DesignTimeDbContextFactory<RegionsDb>
{
    protected override RegionsDb Create(DbContextOptions<RegionsDb> options) => new(options);
}
