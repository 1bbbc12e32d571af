using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

public static class UniqueViolation
{
    /// <summary>Whether saving failed on a unique index or key, in the words of each provider.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        // 2601: a duplicate key in a unique index; 2627: in a unique or primary key constraint.
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
