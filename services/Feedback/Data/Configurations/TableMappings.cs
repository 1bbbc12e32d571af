using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Feedback.Data.Configurations;

/// <summary>How the service's tables are keyed, said once for every entity and owned collection that is keyed the same way.</summary>
internal static class TableMappings
{
    private const string Id = "Id";

    /// <summary>Rows keyed by the Guid the domain gives them (<c>Guid.CreateVersion7</c>); the database never generates it.</summary>
    public static EntityTypeBuilder<TEntity> MapKeyedById<TEntity>(this EntityTypeBuilder<TEntity> builder, string table)
        where TEntity : class
    {
        builder.ToTable(table);
        builder.HasKey(Id);
        builder.Property<Guid>(Id).ValueGeneratedNever();
        return builder;
    }

    /// <summary>An owned collection whose items the domain gives their Guid, in a table of its own indexed by the owner's key.</summary>
    public static OwnedNavigationBuilder<TOwner, TOwned> MapKeyedById<TOwner, TOwned>(this OwnedNavigationBuilder<TOwner, TOwned> owned, string table, string ownerKey)
        where TOwner : class
        where TOwned : class
    {
        owned.ToTable(table);
        owned.WithOwner().HasForeignKey(ownerKey);
        owned.HasKey(Id);
        owned.Property<Guid>(Id).ValueGeneratedNever();
        owned.HasIndex(ownerKey);
        return owned;
    }

    /// <summary>
    /// An owned collection keyed by a shadow Guid generated on add, in a table of its own. EF Core
    /// treats an item that turns up in an owned collection with its key already set as an existing
    /// row (an UPDATE that finds nothing); with a generated key, an item added to a loaded aggregate
    /// is recognised as new. The natural key (the owner's key and <paramref name="naturalKey"/>)
    /// stays enforced by a unique index.
    /// </summary>
    public static OwnedNavigationBuilder<TOwner, TOwned> MapWithGeneratedKey<TOwner, TOwned>(
        this OwnedNavigationBuilder<TOwner, TOwned> owned, string table, string ownerKey, string naturalKey)
        where TOwner : class
        where TOwned : class
    {
        owned.ToTable(table);
        owned.WithOwner().HasForeignKey(ownerKey);
        owned.Property<Guid>(Id).ValueGeneratedOnAdd();
        owned.HasKey(Id);
        owned.HasIndex(ownerKey, naturalKey).IsUnique();
        return owned;
    }
}
