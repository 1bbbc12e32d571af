using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Feedback.Data.Configurations;

internal sealed class KnownRegionConfiguration : IEntityTypeConfiguration<KnownRegion>
{
    public void Configure(EntityTypeBuilder<KnownRegion> builder)
    {
        builder.MapKeyedById("Regions");
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.CountyCode).HasMaxLength(16);
    }
}

internal sealed class KnownProgrammeConfiguration : IEntityTypeConfiguration<KnownProgramme>
{
    public void Configure(EntityTypeBuilder<KnownProgramme> builder)
    {
        builder.MapKeyedById("Programmes");
    }
}

internal sealed class ProgrammeRegionConfiguration : IEntityTypeConfiguration<ProgrammeRegion>
{
    public void Configure(EntityTypeBuilder<ProgrammeRegion> builder)
    {
        builder.ToTable("ProgrammeRegions");
        builder.HasKey(r => new { r.ProgrammeId, r.RegionId });
        builder.Property(r => r.RegionName).HasMaxLength(200);
        builder.HasIndex(r => r.RegionId);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("TeamMembers");
        builder.HasKey(m => new { m.ProgrammeId, m.RegionId, m.PersonId });
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Email).HasMaxLength(320);
        builder.HasIndex(m => m.PersonId);
    }
}

internal sealed class LensConfiguration : IEntityTypeConfiguration<Lens>
{
    public void Configure(EntityTypeBuilder<Lens> builder)
    {
        builder.ToTable("Lenses");
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(FeedbackLimits.LensCodeMaxLength);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Description).HasMaxLength(1000);
    }
}

internal sealed class ErasedPersonMarkConfiguration : IEntityTypeConfiguration<ErasedPersonMark>
{
    public void Configure(EntityTypeBuilder<ErasedPersonMark> builder)
    {
        builder.ToTable("ErasedPeople");
        builder.HasKey(e => e.PersonId);
        builder.Property(e => e.PersonId).ValueGeneratedNever();
    }
}
