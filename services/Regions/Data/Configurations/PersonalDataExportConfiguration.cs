using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class PersonalDataExportConfiguration : IEntityTypeConfiguration<PersonalDataExport>
{
    public void Configure(EntityTypeBuilder<PersonalDataExport> export)
    {
        export.ToTable("PersonalDataExports");
        export.HasKey(e => e.Id);
        export.Property(e => e.Id).ValueGeneratedNever();
        export.HasIndex(e => e.PersonId);
        export.Ignore(e => e.Missing);
        export.OwnsMany(e => e.Parts, part =>
        {
            part.ToTable("PersonalDataExportParts");
            part.WithOwner().HasForeignKey("ExportId");
            part.HasKey("ExportId", nameof(PersonalDataExportPart.Service));
            part.Property(p => p.Service).HasMaxLength(64);
        });
        export.Navigation(e => e.Parts).HasField("_parts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
