using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KollegialtUtbyte.Meetings.Data.Configurations;

internal static class OwnedRows
{
    /// <summary>
    /// Rows that belong to one parent, such as a protocol's points: a table of their own, an
    /// <c>Id</c> the domain sets, and the parent's key, indexed so the rows load with their parent.
    /// </summary>
    public static void StoreAsOwnedRows<TOwner, TRow>(this OwnedNavigationBuilder<TOwner, TRow> rows, string table, string ownerKey)
        where TOwner : class
        where TRow : class
    {
        rows.ToTable(table);
        rows.WithOwner().HasForeignKey(ownerKey);
        rows.HasKey("Id");
        rows.Property("Id").ValueGeneratedNever();
        rows.HasIndex(ownerKey);
    }
}
