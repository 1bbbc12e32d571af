using KollegialtUtbyte.Feedback.ApiContracts;
using KollegialtUtbyte.Feedback.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Feedback.Data.Configurations;

internal sealed class FeedbackRoundConfiguration : IEntityTypeConfiguration<FeedbackRound>
{
    public void Configure(EntityTypeBuilder<FeedbackRound> builder)
    {
        builder.ToTable("FeedbackRounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<StrategyDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.Deadline });
        builder.HasIndex(r => r.AuthorRegionId);
        builder.Ignore(r => r.LensCodes);
        builder.Ignore(r => r.ReviewerRegionIds);

        builder.OwnsMany(r => r.Lenses, lens =>
        {
            lens.ToTable("RoundLenses");
            lens.WithOwner().HasForeignKey("RoundId");
            lens.HasGeneratedKey();
            lens.HasIndex("RoundId", nameof(RoundLens.LensCode)).IsUnique();
            lens.Property(l => l.LensCode).HasMaxLength(FeedbackLimits.LensCodeMaxLength);
        });

        builder.OwnsMany(r => r.Reviewers, reviewer =>
        {
            reviewer.ToTable("RoundReviewers");
            reviewer.WithOwner().HasForeignKey("RoundId");
            reviewer.HasGeneratedKey();
            reviewer.HasIndex("RoundId", nameof(RoundReviewer.RegionId)).IsUnique();
            reviewer.HasIndex(r => r.RegionId);
        });
    }
}

internal sealed class PeerFeedbackConfiguration : IEntityTypeConfiguration<PeerFeedback>
{
    public void Configure(EntityTypeBuilder<PeerFeedback> builder)
    {
        builder.ToTable("PeerFeedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<FeedbackRound>().WithMany().HasForeignKey(f => f.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.RoundId, f.ReviewerRegionId }).IsUnique();
        builder.Property(f => f.Summary).HasMaxLength(FeedbackLimits.FeedbackSummaryMaxLength);

        builder.OwnsMany(f => f.LensNotes, note =>
        {
            note.ToTable("FeedbackLensNotes");
            note.WithOwner().HasForeignKey("FeedbackId");
            note.HasGeneratedKey();
            note.HasIndex("FeedbackId", nameof(LensNote.LensCode)).IsUnique();
            note.Property(n => n.LensCode).HasMaxLength(FeedbackLimits.LensCodeMaxLength);
            note.Property(n => n.Strengths).HasMaxLength(FeedbackLimits.FeedbackStrengthsMaxLength);
        });

        builder.OwnsMany(f => f.Suggestions, suggestion =>
        {
            suggestion.ToTable("FeedbackSuggestions");
            suggestion.WithOwner().HasForeignKey("FeedbackId");
            suggestion.HasGeneratedKey();
            suggestion.HasIndex("FeedbackId", nameof(Suggestion.Number)).IsUnique();
            suggestion.Property(s => s.LensCode).HasMaxLength(FeedbackLimits.LensCodeMaxLength);
            suggestion.Property(s => s.Text).HasMaxLength(PeerFeedback.SuggestionMaxLength);
            suggestion.Property(s => s.ResponseNote).HasMaxLength(FeedbackLimits.FeedbackNoteMaxLength);
        });
    }
}

internal static class OwnedCollectionKeys
{
    /// <summary>
    /// A shadow Guid key generated on add. EF Core treats an item that turns up in an owned
    /// collection with its key already set as an existing row (an UPDATE that finds nothing);
    /// with a generated key, an item added to a loaded aggregate is recognised as new. The
    /// natural key stays enforced by a unique index.
    /// </summary>
    public static void HasGeneratedKey<TOwner, TOwned>(this OwnedNavigationBuilder<TOwner, TOwned> owned)
        where TOwner : class
        where TOwned : class
    {
        owned.Property<Guid>("Id").ValueGeneratedOnAdd();
        owned.HasKey("Id");
    }
}
