using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Notifications.Data.Configurations;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMails");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.DeduplicationKey).HasMaxLength(Limits.DeduplicationKey);
        builder.HasIndex(m => m.DeduplicationKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.PersonId, m.Status });
        builder.Property(m => m.Address).HasMaxLength(Limits.Email);
        builder.Property(m => m.RecipientName).HasMaxLength(OutgoingMail.MaxNameLength);
        builder.Property(m => m.SentTo).HasMaxLength(Limits.Email);
        builder.Property(m => m.Subject).HasMaxLength(OutgoingMail.MaxSubjectLength);
        builder.Property(m => m.LastError).HasMaxLength(OutgoingMail.MaxErrorLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}
