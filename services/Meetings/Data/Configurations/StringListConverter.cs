using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KollegialtUtbyte.Meetings.Data.Configurations;

/// <summary>
/// A short list of strings (themes, a workshop's questions) kept as one JSON text column, the same
/// on SQLite and PostgreSQL.
/// </summary>
internal static class StringListConverter
{
    private static readonly ValueConverter<List<string>, string> Converter = new(
        list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
        json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>());

    private static readonly ValueComparer<List<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());

    public static PropertyBuilder<List<string>> HasJsonConversion(this PropertyBuilder<List<string>> property) =>
        property.HasConversion(Converter, Comparer);
}
