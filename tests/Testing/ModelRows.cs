using System.Collections;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// Rows made from a DbContext's model, for tests that must show data survives a schema change
/// whatever the tables are: one valid row per table (foreign keys pointing at the rows of their
/// principal tables, values the model can read back), every row read as text, every entity type counted.
/// </summary>
public static class ModelRows
{
    private static readonly DateTime Moment = new(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    /// <param name="present">
    /// The tables and columns the database has, when it is older than the model (see
    /// <see cref="ColumnsPresentAsync"/>); null for all of the model's.
    /// </param>
    public static async Task InsertOneIntoEveryTableAsync(DbContext db, IReadOnlyDictionary<string, HashSet<string>>? present = null)
    {
        var tables = db.Model.GetRelationalModel().Tables.Where(t => Has(present, t)).ToList();
        var rows = new Dictionary<ITable, Dictionary<IColumn, object?>>();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in InDependencyOrder(tables, present))
            {
                var row = table.Columns.Where(c => c.PropertyMappings.Count > 0 && Has(present, c)).ToDictionary(c => c, ValueFor);
                foreach (var foreignKey in ForeignKeysOf(table, present))
                {
                    var selfReference = foreignKey.PrincipalTable == table;
                    var optional = foreignKey.Columns.All(c => c.IsNullable);
                    for (var i = 0; i < foreignKey.Columns.Count; i++)
                    {
                        row[foreignKey.Columns[i]] = !selfReference ? rows[foreignKey.PrincipalTable][foreignKey.PrincipalColumns[i]]
                            : optional ? null
                            : row[foreignKey.PrincipalColumns[i]];
                    }
                }

                await InsertAsync(db.Database.GetDbConnection(), table, row);
                rows[table] = row;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every row of every table of the model, as sorted lines of text.</summary>
    /// <param name="present">Only these tables and columns (see <see cref="InsertOneIntoEveryTableAsync"/>); null for all of the model's.</param>
    public static async Task<Dictionary<string, List<string>>> ReadAllAsync(DbContext db, IReadOnlyDictionary<string, HashSet<string>>? present = null)
    {
        var result = new Dictionary<string, List<string>>();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in db.Model.GetRelationalModel().Tables.Where(t => Has(present, t)))
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                var columns = present is null ? "*" : string.Join(", ", present[table.Name].Order(StringComparer.Ordinal).Select(c => $"\"{c}\""));
                command.CommandText = $"SELECT {columns} FROM \"{table.Name}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var lines = new List<string>();
                while (await reader.ReadAsync())
                {
                    lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                        .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}")
                        .Order(StringComparer.Ordinal)));
                }

                lines.Sort(StringComparer.Ordinal);
                result[table.Name] = lines;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    /// <summary>How many entities of each root entity type the model reads (owned ones come with their owners).</summary>
    /// <param name="present">Only the entity types whose table is among these (see <see cref="InsertOneIntoEveryTableAsync"/>); null for all.</param>
    public static async Task<Dictionary<string, int>> CountEntitiesAsync(DbContext db, IReadOnlyDictionary<string, HashSet<string>>? present = null)
    {
        var counts = new Dictionary<string, int>();
        var read = typeof(ModelRows).GetMethod(nameof(ReadEntitiesAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var entityType in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.BaseType is null && !e.HasSharedClrType
            && (present is null || (e.GetTableName() is { } name && present.ContainsKey(name)))))
        {
            var entities = await (Task<IList>)read.MakeGenericMethod(entityType.ClrType).Invoke(null, [db])!;
            counts[entityType.DisplayName()] = entities.Count;
        }

        return counts;
    }

    private static async Task<IList> ReadEntitiesAsync<T>(DbContext db)
        where T : class => await db.Set<T>().AsNoTracking().ToListAsync();

    /// <summary>
    /// The tables and columns of the model that the database has: an older schema (before later
    /// migrations) lacks the tables and columns those added, which a test of its data leaves out.
    /// </summary>
    public static async Task<Dictionary<string, HashSet<string>>> ColumnsPresentAsync(DbContext db)
    {
        var present = new Dictionary<string, HashSet<string>>();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in db.Model.GetRelationalModel().Tables)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table.Name}\" WHERE 1 = 0";
                try
                {
                    await using var reader = await command.ExecuteReaderAsync();
                    present[table.Name] = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
                }
                catch (DbException)
                {
                    // The table came with a later migration.
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return present;
    }

    private static bool Has(IReadOnlyDictionary<string, HashSet<string>>? present, ITable table) =>
        present is null || present.ContainsKey(table.Name);

    private static bool Has(IReadOnlyDictionary<string, HashSet<string>>? present, IColumn column) =>
        present is null || (present.TryGetValue(column.Table.Name, out var columns) && columns.Contains(column.Name));

    private static IEnumerable<IForeignKeyConstraint> ForeignKeysOf(ITable table, IReadOnlyDictionary<string, HashSet<string>>? present) =>
        table.ForeignKeyConstraints.Where(fk => fk.Columns.All(c => Has(present, c)) && Has(present, fk.PrincipalTable));

    private static IEnumerable<ITable> InDependencyOrder(List<ITable> tables, IReadOnlyDictionary<string, HashSet<string>>? present)
    {
        var done = new HashSet<ITable>();
        while (done.Count < tables.Count)
        {
            var ready = tables.Where(t => !done.Contains(t)
                && ForeignKeysOf(t, present).All(fk => fk.PrincipalTable == t || done.Contains(fk.PrincipalTable))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"Foreign keys form a cycle among: {string.Join(", ", tables.Except(done).Select(t => t.Name))}.");
            }

            foreach (var table in ready)
            {
                done.Add(table);
                yield return table;
            }
        }
    }

    private static async Task InsertAsync(DbConnection connection, ITable table, Dictionary<IColumn, object?> row)
    {
        await using var command = connection.CreateCommand();
        var columns = row.Keys.ToList();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.Add(columns[i].PropertyMappings[0].TypeMapping.CreateParameter(command, $"p{i}", row[columns[i]], columns[i].IsNullable));
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A value the model accepts for the column's property: discriminators name a type, strings fit their length.</summary>
    private static object? ValueFor(IColumn column)
    {
        var property = column.PropertyMappings[0].Property;
        var entityType = property.DeclaringType.ContainingEntityType;
        if (entityType.FindDiscriminatorProperty() == property)
        {
            return entityType.GetRootType().GetDerivedTypesInclusive().First(t => !t.IsAbstract()).GetDiscriminatorValue();
        }

        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type switch
        {
            _ when type == typeof(string) => new string('a', Math.Min(property.GetMaxLength() ?? 12, 12)),
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ when type == typeof(bool) => true,
            _ when type == typeof(int) => 1,
            _ when type == typeof(long) => 1L,
            _ when type == typeof(short) => (short)1,
            _ when type == typeof(byte) => (byte)1,
            _ when type == typeof(decimal) => 0.5m,
            _ when type == typeof(double) => 0.5d,
            _ when type == typeof(float) => 0.5f,
            _ when type == typeof(DateTime) => Moment,
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(Moment),
            _ when type == typeof(DateOnly) => DateOnly.FromDateTime(Moment),
            _ when type == typeof(TimeOnly) => TimeOnly.FromDateTime(Moment),
            _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(90),
            _ when type == typeof(byte[]) => new byte[] { 1, 2, 3 },
            _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
            _ when type.IsArray => Array.CreateInstance(type.GetElementType()!, 0),
            _ when type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) =>
                Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0])),
            _ => throw new NotSupportedException($"No sample value for {property.DeclaringType.DisplayName()}.{property.Name} of type {type}."),
        };
    }
}
