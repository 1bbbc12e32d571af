using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Meetings.Data.Configurations;

internal sealed class DecisionActionConfiguration : IEntityTypeConfiguration<DecisionAction>
{
    public void Configure(EntityTypeBuilder<DecisionAction> b)
    {
        b.ToTable("DecisionActions");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();

        // The action points at the decision; the documentation it points at is never deleted.
        b.HasOne<MeetingDocumentation>().WithMany().HasForeignKey(a => a.DocumentationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.DocumentationId);
        b.HasIndex(a => new { a.ProgrammeId, a.DueOn });
        b.HasIndex(a => a.OwnerId);
        b.Property(a => a.PointNumber).HasMaxLength(16);
        b.Property(a => a.Theme).HasMaxLength(200);
        b.Property(a => a.What).HasMaxLength(DecisionAction.MaxWhatLength);
        b.Property(a => a.OwnerName).HasMaxLength(300);
        b.Property(a => a.DroppedReason).HasMaxLength(DecisionAction.MaxNoteLength);
        b.Property(a => a.RegistryNumber).HasMaxLength(RegistryNumberPattern.MaxLength);
        b.Property(a => a.Version).IsConcurrencyToken();

        b.OwnsMany(a => a.Notes, n =>
        {
            n.StoreAsOwnedRows("ActionProgressNotes", "ActionId");
            n.Property(x => x.Text).HasMaxLength(DecisionAction.MaxNoteLength);
            n.Property(x => x.ByName).HasMaxLength(200);
        });
    }
}
