using KollegialtUtbyte.ServiceDefaults.Persistence;

namespace KollegialtUtbyte.Feedback.Data;

/// <summary>
/// Loads the lens catalogue (<c>seeds/feedback/lenses.json</c>): the six Gröna tråden tools, the
/// 17 Agenda 2030 goals and the programme's five themes. Idempotent: adds what is missing and
/// brings changed names and descriptions up to date, never removing a lens rounds may refer to.
/// </summary>
internal sealed class LensCatalogueSeeder(IConfiguration configuration) : IDatabaseSeeder<FeedbackDb>
{
    public const string SeedFile = "feedback/lenses.json";

    public async Task SeedAsync(FeedbackDb db, CancellationToken cancellationToken)
    {
        if (!SeedFiles.Enabled(configuration))
        {
            return;
        }

        var catalogue = await SeedFiles.ReadJsonAsync<LensCatalogue>(configuration, SeedFile, cancellationToken);
        var existing = await db.Lenses.ToDictionaryAsync(l => l.Code, cancellationToken);
        for (var i = 0; i < catalogue.Lenses.Count; i++)
        {
            var entry = catalogue.Lenses[i];
            if (existing.TryGetValue(entry.Code, out var lens))
            {
                lens.Group = entry.Group;
                lens.Name = entry.Name;
                lens.Description = entry.Description;
                lens.SortOrder = i;
            }
            else
            {
                db.Lenses.Add(new Lens { Code = entry.Code, Group = entry.Group, Name = entry.Name, Description = entry.Description, SortOrder = i });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record LensCatalogue(IReadOnlyList<LensEntry> Lenses);

    private sealed record LensEntry(string Code, LensGroup Group, string Name, string Description);
}
