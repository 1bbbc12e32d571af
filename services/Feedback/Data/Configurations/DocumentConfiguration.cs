using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Feedback.Data.Configurations;

internal sealed class StrategyDocumentConfiguration : IEntityTypeConfiguration<StrategyDocument>
{
    public void Configure(EntityTypeBuilder<StrategyDocument> builder)
    {
        builder.MapKeyedById("StrategyDocuments");
        builder.Property(d => d.Title).HasMaxLength(FeedbackLimits.DocumentTitleMaxLength);
        builder.Property(d => d.Description).HasMaxLength(FeedbackLimits.DocumentDescriptionMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.RegionId);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.MapKeyedById("DocumentVersions");
        builder.HasOne<StrategyDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.Property(v => v.FileName).HasMaxLength(UploadFileName.MaxLength);
        builder.Property(v => v.ContentType).HasMaxLength(128);
        builder.Property(v => v.Sha256).HasMaxLength(64);
        builder.Property(v => v.StorageKey).HasMaxLength(200);
        builder.Property(v => v.Note).HasMaxLength(DocumentVersion.NoteMaxLength);
    }
}

internal sealed class LearningNoteConfiguration : IEntityTypeConfiguration<LearningNote>
{
    public void Configure(EntityTypeBuilder<LearningNote> builder)
    {
        builder.MapKeyedById("LearningNotes");
        builder.HasOne<StrategyDocument>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.Text).HasMaxLength(FeedbackLimits.LearningNoteMaxLength);
    }
}
