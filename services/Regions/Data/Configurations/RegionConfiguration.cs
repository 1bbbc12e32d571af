using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> region)
    {
        region.ToTable("Regions");
        region.HasKey(r => r.Id);
        region.Property(r => r.Id).ValueGeneratedNever();
        region.Property(r => r.Name).HasMaxLength(FieldLengths.Name);
        region.Property(r => r.CountyCode).HasMaxLength(2);
        region.Property(r => r.SearchText).HasMaxLength(FieldLengths.SearchText);
        region.Property(r => r.Version).IsConcurrencyToken();
        region.HasIndex(r => r.Name).IsUnique();
        region.HasIndex(r => r.CountyCode).IsUnique();
    }
}

internal static class FieldLengths
{
    public const int Name = 200;
    public const int Title = 200;
    public const int Email = 254;
    public const int Phone = 40;
    public const int Topic = 300;
    public const int SearchText = 800;
}
