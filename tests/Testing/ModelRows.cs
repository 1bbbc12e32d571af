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

    /// <summary>
    /// The model's tables that exist in the database, each with the columns it has there. A database
    /// made by an older schema lacks the tables and columns added since.
    /// </summary>
    public static async Task<Dictionary<string, HashSet<string>>> ExistingColumnsAsync(DbContext db)
    {
        var existing = new Dictionary<string, HashSet<string>>();
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
                    existing[table.Name] = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToHashSet(StringComparer.Ordinal);
                }
                catch (DbException)
                {
                    // Not in this database (PostgreSQL: the failed statement ends the transaction-less command only).
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return existing;
    }

    /// <summary>One row in every table of the model the database has, filling the columns it has.</summary>
    public static async Task InsertOneIntoEveryTableAsync(DbContext db)
    {
        var existing = await ExistingColumnsAsync(db);
        var tables = db.Model.GetRelationalModel().Tables.Where(t => existing.ContainsKey(t.Name)).ToList();
        var rows = new Dictionary<ITable, Dictionary<IColumn, object?>>();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in InDependencyOrder(tables))
            {
                var row = table.Columns.Where(c => c.PropertyMappings.Count > 0 && existing[table.Name].Contains(c.Name)).ToDictionary(c => c, ValueFor);
                // A foreign key added since (its column or its principal table missing) is not the old schema's.
                foreach (var foreignKey in table.ForeignKeyConstraints.Where(fk => existing.ContainsKey(fk.PrincipalTable.Name)
                    && fk.Columns.All(c => existing[table.Name].Contains(c.Name))))
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

    /// <summary>Every row of the given tables (by default all the model's), as sorted lines of text of the given columns.</summary>
    public static async Task<Dictionary<string, List<string>>> ReadAllAsync(DbContext db, IReadOnlyDictionary<string, HashSet<string>>? columns = null)
    {
        columns ??= await ExistingColumnsAsync(db);
        var result = new Dictionary<string, List<string>>();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (table, names) in columns)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", names.Order(StringComparer.Ordinal).Select(n => $"\"{n}\""))} FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var lines = new List<string>();
                while (await reader.ReadAsync())
                {
                    lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                        .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}")
                        .Order(StringComparer.Ordinal)));
                }

                lines.Sort(StringComparer.Ordinal);
                result[table] = lines;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    /// <summary>
    /// How many entities of each root entity type the model reads (owned ones come with their
    /// owners); with <paramref name="tables"/> only the types stored in those tables.
    /// </summary>
    public static async Task<Dictionary<string, int>> CountEntitiesAsync(DbContext db, IEnumerable<string>? tables = null)
    {
        var counts = new Dictionary<string, int>();
        var only = tables?.ToHashSet(StringComparer.Ordinal);
        var read = typeof(ModelRows).GetMethod(nameof(ReadEntitiesAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var entityType in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.BaseType is null && !e.HasSharedClrType
            && (only is null || (e.GetTableName() is { } name && only.Contains(name)))))
        {
            var entities = await (Task<IList>)read.MakeGenericMethod(entityType.ClrType).Invoke(null, [db])!;
            counts[entityType.DisplayName()] = entities.Count;
        }

        return counts;
    }

    private static async Task<IList> ReadEntitiesAsync<T>(DbContext db)
        where T : class => await db.Set<T>().AsNoTracking().ToListAsync();

    private static IEnumerable<ITable> InDependencyOrder(List<ITable> tables)
    {
        var done = new HashSet<ITable>();
        while (done.Count < tables.Count)
        {
            var ready = tables.Where(t => !done.Contains(t)
                && t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || done.Contains(fk.PrincipalTable) || !tables.Contains(fk.PrincipalTable))).ToList();
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
