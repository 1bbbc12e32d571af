using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Meetings.Data.Configurations;

internal sealed class DocumentationConfiguration : IEntityTypeConfiguration<MeetingDocumentation>
{
    public void Configure(EntityTypeBuilder<MeetingDocumentation> b)
    {
        b.ToTable("Documentation");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.MeetingId, d.Revision }).IsUnique();

        // Registry numbers are unique within a programme (drafts have none yet).
        b.HasIndex(d => new { d.ProgrammeId, d.RegistryNumber }).IsUnique();
        b.Property(d => d.RegistryNumber).HasMaxLength(RegistryNumberPattern.MaxLength);
        b.Property(d => d.ApprovedByName).HasMaxLength(200);
        b.Property(d => d.CorrectionReason).HasMaxLength(1000);
        b.Property(d => d.Version).IsConcurrencyToken();

        b.OwnsMany(d => d.Points, p =>
        {
            p.StoreAsOwnedRows("DocumentationPoints", "DocumentationId");
            p.Property(x => x.Number).HasMaxLength(16);
        });

        b.OwnsMany(d => d.WorkshopOutcomes, o =>
        {
            o.StoreAsOwnedRows("WorkshopOutcomes", "DocumentationId");
            o.Property(x => x.Question).HasMaxLength(1000);
        });

        b.OwnsMany(d => d.Attachments, a =>
        {
            a.StoreAsOwnedRows("DocumentationAttachments", "DocumentationId");
            a.Property(x => x.Title).HasMaxLength(300);
            a.Property(x => x.Link).HasMaxLength(1000);
        });

        b.OwnsMany(d => d.Participants, p =>
        {
            p.StoreAsOwnedRows("DocumentationParticipants", "DocumentationId");
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Organisation).HasMaxLength(300);
            p.Property(x => x.Role).HasMaxLength(200);
        });

        b.OwnsMany(d => d.Signatures, s =>
        {
            s.StoreAsOwnedRows("DocumentationSignatures", "DocumentationId");
            s.Property(x => x.Name).HasMaxLength(200);
        });
    }
}
