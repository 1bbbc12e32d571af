using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Meetings.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<ProgrammeCalendar>
{
    public void Configure(EntityTypeBuilder<ProgrammeCalendar> b)
    {
        b.ToTable("Programmes");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.TimeZone).HasMaxLength(64);
        b.Property(p => p.Themes).HasJsonConversion().HasMaxLength(4000);
        b.Property(p => p.PoliticianShare).HasPrecision(5, 4);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Format).HasDefaultValue(ExchangeFormat.Programme).HasSentinel(ExchangeFormat.Programme);
        b.Property(p => p.Question).HasMaxLength(1000);
    }
}
