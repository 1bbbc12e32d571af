using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Meetings.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Email).HasMaxLength(320);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.OrganisationName).HasMaxLength(300);
        b.Property(p => p.PreferredLanguage).HasMaxLength(16);
        b.Property(p => p.Gender).HasMaxLength(64);
    }
}

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<TeamMembership> b)
    {
        b.ToTable("TeamMemberships");
        b.HasKey(m => new { m.ProgrammeId, m.RegionId, m.PersonId });
        b.HasIndex(m => m.PersonId);
    }
}

internal sealed class FacilitatorConfiguration : IEntityTypeConfiguration<Facilitator>
{
    public void Configure(EntityTypeBuilder<Facilitator> b)
    {
        b.ToTable("Facilitators");
        b.HasKey(f => f.PersonId);
        b.Property(f => f.PersonId).ValueGeneratedNever();
        b.Property(f => f.OrganisationName).HasMaxLength(300);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("Regions");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.CountyCode).HasMaxLength(8);
    }
}

internal sealed class ProgrammeParticipationConfiguration : IEntityTypeConfiguration<ProgrammeParticipation>
{
    public void Configure(EntityTypeBuilder<ProgrammeParticipation> b)
    {
        b.ToTable("ProgrammeParticipations");
        b.HasKey(p => new { p.ProgrammeId, p.RegionId });
    }
}

internal sealed class PoliticianQuotaStateConfiguration : IEntityTypeConfiguration<PoliticianQuotaState>
{
    public void Configure(EntityTypeBuilder<PoliticianQuotaState> b)
    {
        b.ToTable("PoliticianQuotaStates");
        b.HasKey(q => new { q.ProgrammeId, q.PersonId });
    }
}

internal sealed class InvitationRosterConfiguration : IEntityTypeConfiguration<InvitationRoster>
{
    public void Configure(EntityTypeBuilder<InvitationRoster> b)
    {
        b.ToTable("InvitationRosters");
        b.HasKey(r => r.ProgrammeId);
        b.Property(r => r.ProgrammeId).ValueGeneratedNever();
        b.Property(r => r.Revision).IsConcurrencyToken();
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("CalendarFeeds");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => f.PersonId);
        b.Property(f => f.TokenHash).HasMaxLength(64);
    }
}

internal sealed class AnonymousAttendanceConfiguration : IEntityTypeConfiguration<AnonymousAttendance>
{
    public void Configure(EntityTypeBuilder<AnonymousAttendance> b)
    {
        b.ToTable("AnonymousAttendances");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => a.MeetingId);
        b.Property(a => a.Gender).HasMaxLength(64);
    }
}

internal sealed class ExchangeParticipantConfiguration : IEntityTypeConfiguration<ExchangeParticipant>
{
    public void Configure(EntityTypeBuilder<ExchangeParticipant> b)
    {
        b.ToTable("ExchangeParticipants");
        b.HasKey(p => new { p.ProgrammeId, p.PersonId });
        b.HasIndex(p => p.PersonId);
        b.Property(p => p.OrganisationName).HasMaxLength(300);
    }
}
