using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KollegialtUtbyte.ServiceDefaults.Http;

/// <summary>
/// Reads an enum from exactly one of its names (any case) and nothing else: no numbers, no numeric
/// strings, no comma lists (which <see cref="JsonStringEnumConverter"/> accepts and combines into
/// values no member has). Writes names as <see cref="JsonStringEnumConverter"/> does.
/// </summary>
public sealed class EnumNamesJsonConverter : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _writer = new();

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(
            typeof(NamesOnly<>).MakeGenericType(typeToConvert),
            _writer.CreateConverter(typeToConvert, options));

    private sealed class NamesOnly<TEnum>(JsonConverter<TEnum> names) : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetNames<TEnum>().ToFrozenDictionary(name => name, Enum.Parse<TEnum>, StringComparer.OrdinalIgnoreCase);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // Without a message the serializer writes its own, naming the type and the path ($.field).
            return reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value)
                ? value
                : throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            names.Write(writer, value, options);

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ByName.TryGetValue(reader.GetString()!, out var value) ? value : throw new JsonException();

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            names.WriteAsPropertyName(writer, value, options);
    }
}
