using System.Diagnostics;
using System.Text.Json;
using OpenTelemetry;

namespace KollegialtUtbyte.ServiceDefaults.Telemetry;

/// <summary>
/// Appends finished spans with their tags to a file, one JSON object per line (setting <c>Telemetry:TraceFile</c>).
/// For local diagnosis and for tests that follow one trace across processes without a collector.
/// Several processes may share one file: each line is written with a single append.
/// </summary>
internal sealed class JsonLinesActivityExporter(string path, string serviceName) : BaseExporter<Activity>
{
    private readonly Lock _lock = new();

    public override ExportResult Export(in Batch<Activity> batch)
    {
        var lines = new List<string>();
        foreach (var activity in batch)
        {
            lines.Add(JsonSerializer.Serialize(new
            {
                service = serviceName,
                traceId = activity.TraceId.ToHexString(),
                spanId = activity.SpanId.ToHexString(),
                parentSpanId = activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString(),
                name = activity.DisplayName,
                source = activity.Source.Name,
                kind = activity.Kind.ToString(),
                start = activity.StartTimeUtc,
                durationMs = activity.Duration.TotalMilliseconds,
                tags = activity.TagObjects.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value?.ToString()),
            }));
        }

        lock (_lock)
        {
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new StreamWriter(stream);
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        }

        return ExportResult.Success;
    }
}
