using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class WorkingGroupConfiguration : IEntityTypeConfiguration<WorkingGroup>
{
    public void Configure(EntityTypeBuilder<WorkingGroup> group)
    {
        group.ToTable("WorkingGroups");
        group.HasKey(g => g.Id);
        group.Property(g => g.Id).ValueGeneratedNever();
        group.Property(g => g.Topic).HasMaxLength(FieldLengths.Topic);
        group.Property(g => g.SearchText).HasMaxLength(FieldLengths.SearchText);
        group.Property(g => g.Version).IsConcurrencyToken();
        group.Ignore(g => g.RegionIds);
        group.Ignore(g => g.PersonIds);
        group.HasIndex(g => g.ProgrammeId);
        group.HasOne<Programme>().WithMany().HasForeignKey(g => g.ProgrammeId).OnDelete(DeleteBehavior.Restrict);

        group.OwnsMany(g => g.Regions, region =>
        {
            region.ToTable("WorkingGroupRegions");
            region.WithOwner().HasForeignKey("WorkingGroupId");
            region.HasKey("WorkingGroupId", nameof(WorkingGroupRegion.RegionId));
            region.HasIndex(r => r.RegionId);
            region.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        });
        group.Navigation(g => g.Regions).HasField("_regions").UsePropertyAccessMode(PropertyAccessMode.Field);

        group.OwnsMany(g => g.Members, member =>
        {
            member.ToTable("WorkingGroupMembers");
            member.WithOwner().HasForeignKey("WorkingGroupId");
            member.HasKey("WorkingGroupId", nameof(WorkingGroupMember.PersonId));
            member.HasIndex(m => m.PersonId);
            member.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        group.Navigation(g => g.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
