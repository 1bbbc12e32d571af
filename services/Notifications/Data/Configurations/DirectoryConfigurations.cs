using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Notifications.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasKey(p => p.PersonId);
        builder.Property(p => p.PersonId).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Limits.Name);
        builder.Property(p => p.Email).HasMaxLength(Limits.Email);
        builder.Property(p => p.PreferredLanguage).HasMaxLength(Limits.LanguageCode);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Language);
        builder.Ignore(p => p.IsErased);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("Regions");
        builder.HasKey(r => r.RegionId);
        builder.Property(r => r.RegionId).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(Limits.Name);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<TeamMembership> builder)
    {
        builder.ToTable("TeamMemberships");
        builder.HasKey(m => new { m.ProgrammeId, m.RegionId, m.PersonId });
        builder.HasIndex(m => m.RegionId);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.WorksOnFeedback);
    }
}

internal sealed class AdministratorAccountConfiguration : IEntityTypeConfiguration<AdministratorAccount>
{
    public void Configure(EntityTypeBuilder<AdministratorAccount> builder)
    {
        builder.ToTable("AdministratorAccounts");
        builder.HasKey(a => a.AccountId);
        builder.Property(a => a.AccountId).ValueGeneratedNever();
        builder.Property(a => a.Email).HasMaxLength(Limits.Email);
        builder.Property(a => a.Name).HasMaxLength(Limits.Name);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.ReceivesAlerts);
    }
}
