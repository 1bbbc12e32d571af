using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.ToTable("Teams");
        team.HasKey(t => new { t.ProgrammeId, t.RegionId });
        team.Property(t => t.Version).IsConcurrencyToken();
        team.Ignore(t => t.KeyOfficials);
        team.HasOne<Programme>().WithMany().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        team.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.Restrict);

        // Members are part of the team: changing them bumps the team's version, so two project
        // leaders adding a fourth key official at once cannot both succeed.
        team.OwnsMany(t => t.Members, member =>
        {
            member.ToTable("TeamMembers");
            member.WithOwner().HasForeignKey(nameof(Team.ProgrammeId), nameof(Team.RegionId));
            member.HasKey(nameof(Team.ProgrammeId), nameof(Team.RegionId), nameof(TeamMember.PersonId));
            member.HasIndex(m => m.PersonId);
            member.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        team.Navigation(t => t.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
