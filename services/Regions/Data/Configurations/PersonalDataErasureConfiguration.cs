using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Regions.Data.Configurations;

internal sealed class PersonalDataErasureConfiguration : IEntityTypeConfiguration<PersonalDataErasure>
{
    public void Configure(EntityTypeBuilder<PersonalDataErasure> erasure)
    {
        erasure.ToTable("PersonalDataErasures");
        erasure.HasKey(e => e.Id);
        erasure.Property(e => e.Id).ValueGeneratedNever();
        erasure.Property(e => e.Reason).HasMaxLength(PersonalDataErasure.ReasonMaxLength);
        erasure.Property(e => e.DecisionReason).HasMaxLength(PersonalDataErasure.ReasonMaxLength);
        erasure.Property(e => e.Version).IsConcurrencyToken();
        erasure.HasIndex(e => e.PersonId);
        erasure.HasIndex(e => new { e.State, e.RequestedAt });
        erasure.Ignore(e => e.Missing);
        erasure.Ignore(e => e.IsOpen);
        erasure.Ignore(e => e.IsDecided);
        erasure.OwnsOneAnswerPerService(e => e.Answers, "_answers", "PersonalDataErasureAnswers", "ErasureId");
    }
}

internal sealed class AccountCopyConfiguration : IEntityTypeConfiguration<AccountCopy>
{
    public void Configure(EntityTypeBuilder<AccountCopy> account)
    {
        account.ToTable("Accounts");
        account.HasKey(a => a.PersonId);
        account.Property(a => a.PersonId).ValueGeneratedNever();
        account.Ignore(a => a.Administers);
    }
}
