using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> programme)
    {
        programme.ToTable("Programmes");
        programme.HasKey(p => p.Id);
        programme.Property(p => p.Id).ValueGeneratedNever();
        programme.Property(p => p.Name).HasMaxLength(FieldLengths.Name);
        programme.Property(p => p.SearchText).HasMaxLength(FieldLengths.SearchText);
        programme.Property(p => p.Version).IsConcurrencyToken();
    }
}
