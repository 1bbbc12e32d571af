using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Meetings.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.MeetingId, i.PersonId }).IsUnique();
        b.HasIndex(i => new { i.ProgrammeId, i.PersonId });
        b.HasIndex(i => i.AnswerTokenHash).IsUnique();
        b.Property(i => i.AnswerTokenHash).HasMaxLength(64);
        b.Property(i => i.Comment).HasMaxLength(1000);
        b.Property(i => i.Version).IsConcurrencyToken();
    }
}
