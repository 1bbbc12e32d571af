using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class FacilitatorConfiguration : IEntityTypeConfiguration<Facilitator>
{
    public void Configure(EntityTypeBuilder<Facilitator> facilitator)
    {
        facilitator.ToTable("Facilitators");
        facilitator.HasKey(f => f.PersonId);
        facilitator.Property(f => f.PersonId).ValueGeneratedNever();
        facilitator.HasOne<Person>().WithOne().HasForeignKey<Facilitator>(f => f.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
