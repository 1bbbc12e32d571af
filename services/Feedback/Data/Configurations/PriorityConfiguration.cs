using KollegialtUtbyte.Feedback.ApiContracts;
using KollegialtUtbyte.Feedback.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Feedback.Data.Configurations;

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<RegionPriority>
{
    public void Configure(EntityTypeBuilder<RegionPriority> b)
    {
        b.ToTable("RegionPriorities");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasIndex(p => new { p.ProgrammeId, p.RegionId, p.Number }).IsUnique();
        b.Property(p => p.Title).HasMaxLength(FeedbackLimits.PriorityTitleMaxLength);
        b.Property(p => p.Description).HasMaxLength(FeedbackLimits.PriorityTextMaxLength);
        b.Property(p => p.Version).IsConcurrencyToken();

        b.OwnsMany(p => p.Results, r =>
        {
            r.ToTable("PriorityResults");
            r.WithOwner().HasForeignKey("PriorityId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.HasIndex("PriorityId");
            r.Property(x => x.Text).HasMaxLength(FeedbackLimits.PriorityTextMaxLength);
        });

        b.OwnsMany(p => p.FeedbackLinks, l =>
        {
            l.ToTable("PriorityFeedbackLinks");
            l.WithOwner().HasForeignKey("PriorityId");
            l.HasKey(x => x.Id);
            l.Property(x => x.Id).ValueGeneratedNever();
            l.HasIndex("PriorityId");
            l.HasIndex(x => x.RoundId);
        });
    }
}
