using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// Conventions that make one model behave the same on SQLite and PostgreSQL. Call from
/// <c>ConfigureConventions</c> of every service's DbContext.
/// </summary>
public static class ModelConventions
{
    public static ModelConfigurationBuilder UseServiceConventions(this ModelConfigurationBuilder configuration)
    {
        // Times are stored as UTC DateTime: PostgreSQL's timestamptz wants Kind=Utc, and SQLite
        // can order and compare DateTime but not DateTimeOffset.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
        return configuration;
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
}
