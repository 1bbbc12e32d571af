using KollegialtUtbyte.Feedback.Data;
using KollegialtUtbyte.Identity.Data;
using KollegialtUtbyte.Meetings.Data;
using KollegialtUtbyte.Notifications.Data;
using KollegialtUtbyte.Regions.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KollegialtUtbyte.Architecture.Tests;

/// <summary>
/// What SQL Server needs of every service's schema, checked without a server (none runs on the
/// build machines): the generated migrations against the model, the script they produce, and
/// the model walked for what SQL Server refuses when it creates the tables.
/// </summary>
public sealed class SqlServerSchemaTests
{
    /// <summary>SQL Server's largest index key: 900 bytes for a clustered index (the primary key), 1700 for the others.</summary>
    private const int ClusteredKeyLimit = 900;
    private const int NonClusteredKeyLimit = 1700;

    public static TheoryData<string> Services => new(ServiceContexts.Services);

    private static DbContext Context(string service) => ServiceContexts.Create(service, DatabaseProvider.SqlServer);

    [Theory]
    [MemberData(nameof(Services))]
    public void Values_the_database_generates_come_from_identity_columns(string service)
    {
        using var db = Context(service);
        var script = db.GetService<IMigrator>().GenerateScript();

        var generated = db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.Columns.Where(c => c.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd
                && m.Property.ClrType is var type && (type == typeof(int) || type == typeof(long)))).Select(c => (Table: t.Name, Column: c)))
            .ToList();
        Assert.All(generated, g => Assert.Matches(
            new Regex($@"CREATE TABLE \[{Regex.Escape(g.Table)}\] \([^;]*\[{Regex.Escape(g.Column.Name)}\] {Regex.Escape(g.Column.StoreType)} NOT NULL IDENTITY", RegexOptions.Singleline),
            script));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_index_key_fits_within_sql_servers_limit(string service)
    {
        using var db = Context(service);
        var keys = db.Model.GetRelationalModel().Tables.SelectMany(t =>
                t.Indexes.Select(i => (Table: t.Name, i.Name, i.Columns, Limit: NonClusteredKeyLimit))
                    .Concat(t.UniqueConstraints.Select(u => (Table: t.Name, u.Name, u.Columns, Limit: u.GetIsPrimaryKey() ? ClusteredKeyLimit : NonClusteredKeyLimit))))
            .Select(k => (k.Table, k.Name, k.Limit, Bytes: k.Columns.Sum(c => (long)KeyBytes(c.StoreType)), Types: string.Join(", ", k.Columns.Select(c => $"{c.Name} {c.StoreType}"))))
            .ToList();

        // An unbounded column (nvarchar(max)) cannot be part of a key at all.
        Assert.Empty(keys.Where(k => k.Bytes >= int.MaxValue).Select(k => $"{k.Name} ({k.Types})"));

        // SQL Server creates a larger key of variable-length columns with a warning and refuses a
        // row whose values exceed it. The suite's own keys stay within the limit; ASP.NET Core
        // Identity's and OpenIddict's keep their designers' lengths (LoginProvider and ProviderKey
        // 450, OpenIddict's subject 400), whose values here are provider names and GUIDs, far shorter.
        Assert.Empty(keys.Where(k => k.Bytes > k.Limit && !IsLibraryTable(k.Table))
            .Select(k => $"{k.Name} ({k.Types}): {k.Bytes} bytes, limit {k.Limit}"));
    }

    private static bool IsLibraryTable(string table) =>
        table.StartsWith("AspNet", StringComparison.Ordinal) || table.StartsWith("OpenIddict", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Services))]
    public void No_table_is_reached_by_two_cascading_paths(string service)
    {
        // SQL Server refuses a foreign key whose ON DELETE action could reach a table along a
        // second path or around a cycle (error 1785); SQLite and PostgreSQL allow both.
        using var db = Context(service);

        Assert.Empty(CascadeProblems(db.Model.GetRelationalModel()));
    }

    [Fact]
    public void The_cascade_walk_finds_a_second_path()
    {
        var options = new DbContextOptionsBuilder<Diamond>();
        DatabaseProviderSelection.Configure(options, DatabaseProvider.SqlServer, "Server=sqlserver.invalid;Initial Catalog=ku;TrustServerCertificate=true");
        using var db = new Diamond(options.Options);

        var problems = CascadeProblems(db.Model.GetRelationalModel());

        Assert.Contains(problems, p => p.StartsWith("Leaf is reached from Root along more than one path", StringComparison.Ordinal));
    }

    private static List<string> CascadeProblems(IRelationalModel model)
    {
        var cascades = model.Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .ToLookup(fk => fk.PrincipalTable.Name, fk => fk.Table.Name);

        var problems = new List<string>();
        foreach (var start in cascades.Select(g => g.Key))
        {
            var reached = new Dictionary<string, int>();
            var stack = new Stack<(string Table, string Path)>([(start, start)]);
            while (stack.Count > 0)
            {
                var (table, path) = stack.Pop();
                foreach (var dependent in cascades[table])
                {
                    var next = $"{path} → {dependent}";
                    if (dependent == start || path.Split(" → ").Contains(dependent))
                    {
                        problems.Add($"cycle: {next}");
                        continue;
                    }

                    reached[dependent] = reached.GetValueOrDefault(dependent) + 1;
                    if (reached[dependent] == 2)
                    {
                        problems.Add($"{dependent} is reached from {start} along more than one path, e.g. {next}");
                    }

                    stack.Push((dependent, next));
                }
            }
        }

        return problems;
    }

    /// <summary>Root → Left → Leaf and Root → Right → Leaf, every step cascading: SQL Server refuses the second path.</summary>
    private sealed class Diamond(DbContextOptions<Diamond> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity("Root", b => b.Property<int>("Id"));
            modelBuilder.Entity("Left", b => { b.Property<int>("Id"); b.HasOne("Root").WithMany().HasForeignKey("RootId").OnDelete(DeleteBehavior.Cascade); });
            modelBuilder.Entity("Right", b => { b.Property<int>("Id"); b.HasOne("Root").WithMany().HasForeignKey("RootId").OnDelete(DeleteBehavior.Cascade); });
            modelBuilder.Entity("Leaf", b =>
            {
                b.Property<int>("Id");
                b.HasOne("Left").WithMany().HasForeignKey("LeftId").OnDelete(DeleteBehavior.Cascade);
                b.HasOne("Right").WithMany().HasForeignKey("RightId").OnDelete(DeleteBehavior.Cascade);
            });
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_unique_index_on_a_nullable_column_lets_many_rows_leave_it_empty(string service)
    {
        // SQL Server treats NULLs in a unique index as equal: without a filter a second empty value
        // would be refused, where SQLite and PostgreSQL accept it.
        using var db = Context(service);
        var unfiltered = db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.Indexes)
            .Where(i => i.IsUnique && i.Columns.Any(c => c.IsNullable) && string.IsNullOrEmpty(i.Filter))
            .Select(i => i.Name)
            .ToList();

        Assert.Empty(unfiltered);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Times_are_stored_as_utc_datetime2(string service)
    {
        // The conventions store every time as UTC (ModelConventions): datetime2 keeps its full
        // precision; datetimeoffset would store an offset the model never reads.
        using var db = Context(service);
        var times = db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.Columns.Where(c => c.PropertyMappings.Any(m => IsTime(m.Property.ClrType))).Select(c => $"{t.Name}.{c.Name} {c.StoreType}"))
            .ToList();

        Assert.All(times, column => Assert.EndsWith(" datetime2", column, StringComparison.Ordinal));
    }

    private static bool IsTime(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateTime) || t == typeof(DateTimeOffset));

    /// <summary>The bytes a column adds to an index key; unbounded types cannot be keys at all.</summary>
    private static int KeyBytes(string storeType)
    {
        var match = Regex.Match(storeType, @"^(?<type>\w+)(\((?<length>max|\d+)(,\s*\d+)?\))?$");
        var type = match.Groups["type"].Value;
        var length = match.Groups["length"].Value;
        if (length == "max")
        {
            return int.MaxValue;
        }

        return type switch
        {
            "nvarchar" or "nchar" => 2 * int.Parse(length, System.Globalization.CultureInfo.InvariantCulture),
            "varchar" or "char" or "varbinary" or "binary" => int.Parse(length, System.Globalization.CultureInfo.InvariantCulture),
            "uniqueidentifier" => 16,
            "bigint" or "float" or "datetime2" or "datetime" => 8,
            "int" or "real" => 4,
            "smallint" => 2,
            "tinyint" or "bit" => 1,
            "date" => 3,
            "time" => 5,
            "datetimeoffset" => 10,
            "decimal" or "numeric" => 17,
            _ => throw new InvalidOperationException($"No key size known for {storeType}."),
        };
    }
}
