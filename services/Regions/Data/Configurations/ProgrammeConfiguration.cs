using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> programme)
    {
        programme.ToTable("Programmes");
        programme.HasKey(p => p.Id);
        programme.Property(p => p.Id).ValueGeneratedNever();
        programme.Property(p => p.Name).HasMaxLength(FieldLengths.Name);
        programme.Property(p => p.SearchText).HasMaxLength(FieldLengths.SearchText);
        programme.Property(p => p.Version).IsConcurrencyToken();
        programme.Ignore(p => p.Roles);

        // Every programme registered before there were other formats is a programme.
        programme.Property(p => p.Format).HasDefaultValue(ExchangeFormat.Programme);
        programme.Property(p => p.Question).HasMaxLength(RegionsLimits.QuestionMaxLength);
        programme.HasOne<Person>().WithMany().HasForeignKey(p => p.LeaderPersonId).OnDelete(DeleteBehavior.Restrict);
        programme.HasOne<Person>().WithMany().HasForeignKey(p => p.ConvenerPersonId).OnDelete(DeleteBehavior.Restrict);
        programme.HasOne<Person>().WithMany().HasForeignKey(p => p.SecretaryPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
