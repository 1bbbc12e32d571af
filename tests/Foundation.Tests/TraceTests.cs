using System.Diagnostics;
using System.Text.Json;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>One trace follows a change from the request that made it, through the outbox and the broker, into the consumer.</summary>
public sealed class TraceTests
{
    private static readonly ActivitySource Requests = new("KollegialtUtbyte");

    [Fact]
    public async Task The_consumer_continues_the_trace_of_the_request_that_raised_the_event()
    {
        var traceFile = Path.Combine(Directory.CreateTempSubdirectory("ku-traces-").FullName, "spans.jsonl");
        await using var services = await ProofServices.StartAsync(await RabbitMqServer.SharedAsync(), await PostgresServer.SharedAsync(),
            new Dictionary<string, string?> { ["Telemetry:TraceFile"] = traceFile });

        string traceId;
        Guid parcelId;
        using (var request = Requests.StartActivity("POST /parcels", ActivityKind.Server))
        {
            Assert.NotNull(request);
            traceId = request.TraceId.ToHexString();
            parcelId = await services.SendAsync("traced");
        }

        await Eventually.UntilAsync(() => services.ReceivedAsync(parcelId), r => r is not null, "the parcel arrived");
        var spans = await Eventually.UntilAsync(
            () => Task.FromResult(ReadSpans(traceFile).Where(s => s.TraceId == traceId).ToList()),
            // The outbox's span ends when the broker confirms, which can be after the receiver is done.
            found => found.Any(s => s.Service.StartsWith("receiver", StringComparison.Ordinal) && s.Kind == "Consumer")
                && found.Any(s => s.Source == "KollegialtUtbyte.Outbox"),
            "the receiver's consume span and the outbox's publish span were written");

        Assert.Contains(spans, s => s.Service.StartsWith("sender", StringComparison.Ordinal) && s.Source == "KollegialtUtbyte.Outbox");
        Assert.Contains(spans, s => s.Service.StartsWith("sender", StringComparison.Ordinal) && s.Source == "MassTransit" && s.Kind == "Producer");
        Assert.Contains(spans, s => s.Service.StartsWith("receiver", StringComparison.Ordinal) && s.Source == "MassTransit" && s.Kind == "Consumer");
    }

    private sealed record Span(string Service, string TraceId, string Source, string Kind);

    private static IEnumerable<Span> ReadSpans(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var json = JsonDocument.Parse(line).RootElement;
            return new Span(json.GetProperty("service").GetString()!, json.GetProperty("traceId").GetString()!,
                json.GetProperty("source").GetString()!, json.GetProperty("kind").GetString()!);
        }).ToList();
    }
}
