using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Meetings.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("Meetings");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasOne<ProgrammeCalendar>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.ProgrammeId, m.StartsAt });
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.Theme).HasMaxLength(200);
        b.Property(m => m.Venue).HasMaxLength(300);
        b.Property(m => m.OnlineLink).HasMaxLength(1000);
        b.Property(m => m.CancellationReason).HasMaxLength(1000);
        b.Property(m => m.Version).IsConcurrencyToken();

        b.OwnsMany(m => m.Facilitators, f =>
        {
            f.ToTable("MeetingFacilitators");
            f.WithOwner().HasForeignKey("MeetingId");
            f.HasKey("MeetingId", nameof(MeetingFacilitator.PersonId));
            f.HasIndex(x => x.PersonId);
        });

        b.OwnsMany(m => m.Agenda, a =>
        {
            a.StoreAsOwnedRows("AgendaItems", "MeetingId");
            a.Property(x => x.Title).HasMaxLength(300);
            a.Property(x => x.Responsible).HasMaxLength(300);
            a.Property(x => x.Questions).HasJsonConversion();
        });
    }
}
