using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Identity.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.HasIndex(a => a.PersonId).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.PreferredLanguage).HasMaxLength(16);
        builder.Property(a => a.EffectiveRoles).HasMaxLength(256);
        builder.Property(a => a.RegionIds).HasMaxLength(Account.RegionIdsMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsDisabled);
        builder.Ignore(a => a.HasPassword);
        builder.Ignore(a => a.RoleList);
        builder.Ignore(a => a.RegionList);
    }
}
