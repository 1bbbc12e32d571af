using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class EmailChangeAuditConfiguration : IEntityTypeConfiguration<EmailChangeAudit>
{
    public void Configure(EntityTypeBuilder<EmailChangeAudit> audit)
    {
        audit.ToTable("EmailChangeAudits");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Id).ValueGeneratedNever();
        audit.Property(a => a.PreviousEmail).HasMaxLength(FieldLengths.Email);
        audit.Property(a => a.NewEmail).HasMaxLength(FieldLengths.Email);
        audit.Property(a => a.ChangedByName).HasMaxLength(FieldLengths.Name);
        audit.HasIndex(a => a.PersonId);
    }
}
