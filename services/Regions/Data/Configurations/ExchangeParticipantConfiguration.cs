using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class ExchangeParticipantConfiguration : IEntityTypeConfiguration<ExchangeParticipant>
{
    public void Configure(EntityTypeBuilder<ExchangeParticipant> participant)
    {
        participant.ToTable("ExchangeParticipants");
        participant.HasKey(p => new { p.ProgrammeId, p.PersonId });
        participant.HasIndex(p => p.PersonId);
        participant.HasIndex(p => new { p.ProgrammeId, p.OrganisationId });
        participant.HasOne<Programme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        participant.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        participant.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
