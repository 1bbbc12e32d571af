using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Identity.Data.Configurations;

internal sealed class EmailChangeConfiguration : IEntityTypeConfiguration<EmailChange>
{
    public void Configure(EntityTypeBuilder<EmailChange> builder)
    {
        builder.ToTable("EmailChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PreviousEmail).HasMaxLength(256);
        builder.Property(c => c.NewEmail).HasMaxLength(256);
        builder.Property(c => c.NormalizedNewEmail).HasMaxLength(256);
        builder.Property(c => c.ConfirmTokenHash).HasMaxLength(64);
        builder.Property(c => c.StopTokenHash).HasMaxLength(64);
        builder.HasIndex(c => c.PersonId);
        builder.HasIndex(c => c.ConfirmTokenHash).IsUnique();
        builder.HasIndex(c => c.StopTokenHash).IsUnique();
    }
}
