using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Identity.Data.Configurations;

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<TeamMembership> builder)
    {
        builder.ToTable("TeamMemberships");
        builder.HasKey(m => new { m.PersonId, m.ProgrammeId, m.RegionId });
        builder.Property(m => m.RegionName).HasMaxLength(200);
    }
}
