using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Identity.Data.Configurations;

internal sealed class ExchangeParticipationConfiguration : IEntityTypeConfiguration<ExchangeParticipation>
{
    public void Configure(EntityTypeBuilder<ExchangeParticipation> builder)
    {
        builder.ToTable("ExchangeParticipations");
        builder.HasKey(p => new { p.PersonId, p.ProgrammeId });
        builder.HasIndex(p => p.ProgrammeId);
        builder.Ignore(p => p.IsActive);
    }
}
