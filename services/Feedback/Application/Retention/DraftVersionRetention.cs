using KollegialtUtbyte.Feedback.Application.Storage;
using KollegialtUtbyte.ServiceDefaults.Retention;

namespace KollegialtUtbyte.Feedback.Application.Retention;

/// <summary>
/// Uploaded drafts of a region whose programmes all ended before the cutoff (and are all known
/// here), with their files. What the agency's follow-up needs stays: each document's latest
/// version, every version a feedback round was held on (the feedback is about it), and every
/// version a priority's result or a learning note names. A region in no known programme keeps everything.
/// </summary>
internal sealed class DraftVersionRetention : IRetentionRule
{
    public string Kind => "DraftVersions";

    public TimeSpan DefaultPeriod => TimeSpan.FromDays(180);

    public async Task<int> DeleteExpiredAsync(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<FeedbackDb>();
        var storage = services.GetRequiredService<IDocumentStorage>();
        var endedBefore = DateOnly.FromDateTime(cutoff.UtcDateTime);

        // Few rows (regions times programmes): decided here rather than in SQL.
        var ended = (await db.Programmes.Where(p => p.EndsOn < endedBefore).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var finishedRegions = (await db.ProgrammeRegions.Select(p => new { p.RegionId, p.ProgrammeId }).ToListAsync(cancellationToken))
            .GroupBy(p => p.RegionId)
            .Where(g => g.All(p => ended.Contains(p.ProgrammeId)))
            .Select(g => g.Key)
            .ToList();
        if (finishedRegions.Count == 0)
        {
            return 0;
        }

        var expired = await db.DocumentVersions
            .Where(v => db.Documents.Any(d => d.Id == v.DocumentId && finishedRegions.Contains(d.RegionId) && d.LatestVersionNumber != v.Number))
            .Where(v => !db.Rounds.Any(r => r.VersionId == v.Id))
            .Where(v => !db.Priorities.SelectMany(p => p.Results).Any(r => r.DocumentId == v.DocumentId && r.DocumentVersionNumber == v.Number))
            .Where(v => !db.LearningNotes.Any(n => n.DocumentId == v.DocumentId && n.VersionNumber == v.Number))
            .ToListAsync(cancellationToken);
        foreach (var version in expired)
        {
            // The row goes first: a file left behind by a failure is unreachable, a row without its file would not be.
            await db.DocumentVersions.Where(v => v.Id == version.Id).ExecuteDeleteAsync(cancellationToken);
            await storage.DeleteAsync(version.StorageKey, cancellationToken);
        }

        return expired.Count;
    }
}
