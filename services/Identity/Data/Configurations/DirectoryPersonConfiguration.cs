using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Identity.Data.Configurations;

internal sealed class DirectoryPersonConfiguration : IEntityTypeConfiguration<DirectoryPerson>
{
    public void Configure(EntityTypeBuilder<DirectoryPerson> builder)
    {
        builder.ToTable("People");
        builder.HasKey(p => p.PersonId);
        builder.Property(p => p.PersonId).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.PreferredLanguage).HasMaxLength(16);
        builder.Ignore(p => p.HasDetails);
        builder.Ignore(p => p.IsErased);
        builder.Ignore(p => p.Details);
    }
}
