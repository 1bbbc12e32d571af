using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Notifications.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.MeetingId);
        builder.Property(m => m.MeetingId).ValueGeneratedNever();
        builder.Property(m => m.Title).HasMaxLength(Limits.Title);
        builder.Property(m => m.Theme).HasMaxLength(Limits.Title);
        builder.Property(m => m.TimeZone).HasMaxLength(Limits.TimeZone);
        builder.Property(m => m.Venue).HasMaxLength(Limits.Venue);
        builder.Property(m => m.OnlineLink).HasMaxLength(Limits.Link);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Snapshot);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.HasKey(i => i.InvitationId);
        builder.Property(i => i.InvitationId).ValueGeneratedNever();
        builder.HasIndex(i => i.MeetingId);
        builder.Property(i => i.AnswerToken).HasMaxLength(Limits.Token);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsActive);
        builder.Ignore(i => i.ExpectsReminders);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("Reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.Kind, r.SubjectId, r.Lead }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.DueAt });
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class FeedbackRoundConfiguration : IEntityTypeConfiguration<FeedbackRound>
{
    public void Configure(EntityTypeBuilder<FeedbackRound> builder)
    {
        builder.ToTable("FeedbackRounds");
        builder.HasKey(r => r.RoundId);
        builder.Property(r => r.RoundId).ValueGeneratedNever();
        builder.Property(r => r.DocumentTitle).HasMaxLength(Limits.Title);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class FeedbackReviewerConfiguration : IEntityTypeConfiguration<FeedbackReviewer>
{
    public void Configure(EntityTypeBuilder<FeedbackReviewer> builder)
    {
        builder.ToTable("FeedbackReviewers");
        builder.HasKey(r => new { r.RoundId, r.RegionId });
    }
}
