using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.ToTable("Organisations");
        organisation.HasKey(o => o.Id);
        organisation.Property(o => o.Id).ValueGeneratedNever();
        organisation.Property(o => o.Name).HasMaxLength(FieldLengths.Name);
        organisation.Property(o => o.SearchText).HasMaxLength(FieldLengths.SearchText);
        organisation.Property(o => o.Version).IsConcurrencyToken();
        organisation.HasIndex(o => o.Name).IsUnique();
    }
}
