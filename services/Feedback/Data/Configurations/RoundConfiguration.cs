using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Feedback.Data.Configurations;

internal sealed class FeedbackRoundConfiguration : IEntityTypeConfiguration<FeedbackRound>
{
    public void Configure(EntityTypeBuilder<FeedbackRound> builder)
    {
        builder.MapKeyedById("FeedbackRounds");
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<StrategyDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.Deadline });
        builder.HasIndex(r => r.AuthorRegionId);
        builder.Ignore(r => r.LensCodes);
        builder.Ignore(r => r.ReviewerRegionIds);

        builder.OwnsMany(r => r.Lenses, lens =>
        {
            lens.MapWithGeneratedKey("RoundLenses", "RoundId", nameof(RoundLens.LensCode));
            lens.Property(l => l.LensCode).HasMaxLength(FeedbackLimits.LensCodeMaxLength);
        });

        builder.OwnsMany(r => r.Reviewers, reviewer =>
        {
            reviewer.MapWithGeneratedKey("RoundReviewers", "RoundId", nameof(RoundReviewer.RegionId));
            reviewer.HasIndex(r => r.RegionId);
        });
    }
}

internal sealed class PeerFeedbackConfiguration : IEntityTypeConfiguration<PeerFeedback>
{
    public void Configure(EntityTypeBuilder<PeerFeedback> builder)
    {
        builder.MapKeyedById("PeerFeedback");
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<FeedbackRound>().WithMany().HasForeignKey(f => f.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.RoundId, f.ReviewerRegionId }).IsUnique();
        builder.Property(f => f.Summary).HasMaxLength(FeedbackLimits.FeedbackSummaryMaxLength);

        builder.OwnsMany(f => f.LensNotes, note =>
        {
            note.MapWithGeneratedKey("FeedbackLensNotes", "FeedbackId", nameof(LensNote.LensCode));
            note.Property(n => n.LensCode).HasMaxLength(FeedbackLimits.LensCodeMaxLength);
            note.Property(n => n.Strengths).HasMaxLength(FeedbackLimits.FeedbackStrengthsMaxLength);
        });

        builder.OwnsMany(f => f.Suggestions, suggestion =>
        {
            suggestion.MapWithGeneratedKey("FeedbackSuggestions", "FeedbackId", nameof(Suggestion.Number));
            suggestion.Property(s => s.LensCode).HasMaxLength(FeedbackLimits.LensCodeMaxLength);
            suggestion.Property(s => s.Text).HasMaxLength(PeerFeedback.SuggestionMaxLength);
            suggestion.Property(s => s.ResponseNote).HasMaxLength(FeedbackLimits.FeedbackNoteMaxLength);
        });
    }
}
