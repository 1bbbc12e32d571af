using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// Proves migrations match the model: migrate one empty database, let EF create
/// another from the model, and compare tables, columns and indexes. Works on SQLite and PostgreSQL.
/// </summary>
public static class SchemaComparison
{
    public static async Task AssertMigrationsMatchModelAsync<TDbContext>(Func<TDbContext> migratedDatabase, Func<TDbContext> createdDatabase)
        where TDbContext : DbContext
    {
        await using var migrated = migratedDatabase();
        await using var created = createdDatabase();
        await migrated.Database.MigrateAsync();
        await created.Database.EnsureCreatedAsync();

        var expected = await DescribeAsync(created);
        var actual = await DescribeAsync(migrated);
        Assert.NotEmpty(expected);

        var missing = expected.Except(actual).Order().ToList();
        var extra = actual.Except(expected).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The migrations do not produce the model's schema ({migrated.Database.ProviderName}).\n" +
            $"Missing after migrating:\n  {string.Join("\n  ", missing)}\nOnly after migrating:\n  {string.Join("\n  ", extra)}");
    }

    /// <summary>One line per table column and per index, comparable between databases.</summary>
    public static async Task<HashSet<string>> DescribeAsync(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            return db.Database.IsNpgsql() ? await DescribePostgresAsync(connection) : await DescribeSqliteAsync(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<HashSet<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var result = new HashSet<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')");
        foreach (var table in tables.Select(r => r[0]))
        {
            foreach (var column in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
            {
                result.Add($"column {table}.{column[0]} {column[1]} notnull={column[2]} pk={column[3]}");
            }

            foreach (var index in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                var name = index[2] == "c" ? index[0] : $"({index[2]})";
                result.Add($"index {table}.{name} unique={index[1]} on {string.Join(",", columns.Select(c => c[0]))}");
            }

            foreach (var foreignKey in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
            {
                result.Add($"fk {table}.{foreignKey[1]} -> {foreignKey[0]}.{foreignKey[2]} on delete {foreignKey[3]}");
            }
        }

        return result;
    }

    private static async Task<HashSet<string>> DescribePostgresAsync(DbConnection connection)
    {
        var result = new HashSet<string>();
        foreach (var column in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length::text, ''), coalesce(is_identity, '')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            """))
        {
            result.Add($"column {column[0]}.{column[1]} {column[2]}({column[4]}) nullable={column[3]} identity={column[5]}");
        }

        foreach (var index in await QueryAsync(connection, """
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
            """))
        {
            result.Add($"index {index[0]}.{index[1]} {index[2]}");
        }

        foreach (var constraint in await QueryAsync(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            """))
        {
            result.Add($"constraint {constraint[0]}.{constraint[1]} {constraint[2]}");
        }

        return result;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }
}
