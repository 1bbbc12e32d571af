using System.Text.Json;
using KollegialtUtbyte.ServiceDefaults.Outbox;

namespace KollegialtUtbyte.ServiceDefaults.Audit;

public static class AuditScrubbing
{
    /// <summary>
    /// Replaces <paramref name="values"/> (an erased person's name, address, phone) with
    /// <paramref name="replacement"/> in the details of every audit entry that holds them, as
    /// written and as JSON escapes them. The entries stay, with their ids, actions and times: what
    /// was done stays, who she was does not. Outside the change tracker, like retention, because
    /// the log is otherwise append-only; run it in the transaction of the erasure.
    /// </summary>
    public static async Task<int> ScrubAuditDetailsAsync(this DbContext db, IEnumerable<string?> values, string replacement, CancellationToken cancellationToken)
    {
        // Very short values ("A") would match all over the log and say nothing about anyone.
        var forms = values
            .Where(v => v is { Length: >= 3 })
            .SelectMany(v => new[] { v!, JsonSerializer.Serialize(v, OutboxJson.Options)[1..^1] })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToList();
        var scrubbed = 0;
        foreach (var form in forms)
        {
            var entries = await db.Set<AuditEntry>()
                .Where(e => e.Details != null && e.Details.Contains(form))
                .Select(e => new { e.Id, e.Details })
                .ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                var details = entry.Details!.Replace(form, replacement, StringComparison.Ordinal);
                scrubbed += await db.Set<AuditEntry>()
                    .Where(e => e.Id == entry.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, details), cancellationToken);
            }
        }

        return scrubbed;
    }
}
