using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Feedback.Data.Configurations;

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<RegionPriority>
{
    public void Configure(EntityTypeBuilder<RegionPriority> b)
    {
        b.MapKeyedById("RegionPriorities");
        b.HasIndex(p => new { p.ProgrammeId, p.RegionId, p.Number }).IsUnique();
        b.Property(p => p.Title).HasMaxLength(FeedbackLimits.PriorityTitleMaxLength);
        b.Property(p => p.Description).HasMaxLength(FeedbackLimits.PriorityTextMaxLength);
        b.Property(p => p.Version).IsConcurrencyToken();

        b.OwnsMany(p => p.Results, r =>
        {
            r.MapKeyedById("PriorityResults", "PriorityId");
            r.Property(x => x.Text).HasMaxLength(FeedbackLimits.PriorityTextMaxLength);
        });

        b.OwnsMany(p => p.FeedbackLinks, l =>
        {
            l.MapKeyedById("PriorityFeedbackLinks", "PriorityId");
            l.HasIndex(x => x.RoundId);
        });
    }
}
