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
        export.OwnsOneAnswerPerService(e => e.Parts, "_parts", "PersonalDataExportParts", "ExportId");
    }
}
