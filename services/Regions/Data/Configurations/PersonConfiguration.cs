using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("People");
        person.HasKey(p => p.Id);
        person.Property(p => p.Id).ValueGeneratedNever();
        person.Property(p => p.Name).HasMaxLength(FieldLengths.Name);
        person.Property(p => p.Email).HasMaxLength(FieldLengths.Email);
        person.Property(p => p.NormalizedEmail).HasMaxLength(FieldLengths.Email);
        person.Property(p => p.Phone).HasMaxLength(FieldLengths.Phone);
        person.Property(p => p.Title).HasMaxLength(FieldLengths.Title);
        person.Property(p => p.PreferredLanguage).HasMaxLength(8);
        person.Property(p => p.Gender).HasMaxLength(32);
        person.Property(p => p.PendingEmail).HasMaxLength(FieldLengths.Email);
        person.Property(p => p.NormalizedPendingEmail).HasMaxLength(FieldLengths.Email);
        person.Property(p => p.SearchText).HasMaxLength(FieldLengths.SearchText);
        person.Property(p => p.Version).IsConcurrencyToken();
        person.Ignore(p => p.Affiliation);

        // One person per e-mail address; the unique index also settles two registrations racing.
        person.HasIndex(p => p.NormalizedEmail).IsUnique();

        // Nobody else may be waiting to confirm the same new address (NULLs do not collide).
        person.HasIndex(p => p.NormalizedPendingEmail).IsUnique();
        person.HasIndex(p => p.Name);
        person.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        person.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
