using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace KollegialtUtbyte.ServiceDefaults.Persistence;

/// <summary>
/// Where the demo data of <c>seeds/</c> is found: <c>Seeds:Directory</c> when set, otherwise the
/// <c>seeds</c> folder copied next to the service's binaries. <c>Seeds:Enabled=false</c> starts
/// with an empty database (tests that need a clean slate).
/// </summary>
public static class SeedFiles
{
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Seeds:Enabled", true);

    public static string Directory(IConfiguration configuration) =>
        configuration["Seeds:Directory"] is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, "seeds");

    public static async Task<T> ReadJsonAsync<T>(IConfiguration configuration, string relativePath, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory(configuration), relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Seed file '{path}' is missing (Seeds:Directory = '{Directory(configuration)}').", path);
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, Outbox.OutboxJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"Seed file '{path}' is empty.");
    }
}
