using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class ExchangeMemberConfiguration : IEntityTypeConfiguration<ExchangeMember>
{
    public void Configure(EntityTypeBuilder<ExchangeMember> member)
    {
        member.ToTable("ExchangeMembers");
        member.HasKey(m => new { m.ProgrammeId, m.OrganisationId });
        member.Ignore(m => m.IsCurrent);
        member.HasIndex(m => m.OrganisationId);
        member.HasOne<Programme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        member.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
