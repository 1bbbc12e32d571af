using System.Collections.Concurrent;
using System.Diagnostics;

namespace KollegialtUtbyte.Benchmarks.EventPath;

/// <summary>When each expected parcel was consumed (a <see cref="Stopwatch"/> timestamp), whichever path carried it.</summary>
public static class Arrivals
{
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> Expected = new();
    private static readonly ConcurrentDictionary<Guid, long> ConsumeStarts = new();

    public static Task<long> Expect(Guid parcelId) =>
        Expected.GetOrAdd(parcelId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>The consumer began handling the parcel (for the breakdown of the latency).</summary>
    public static void Consuming(Guid parcelId)
    {
        if (Expected.ContainsKey(parcelId))
        {
            ConsumeStarts[parcelId] = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>When the consumer began handling the parcel, if it said so.</summary>
    public static long? ConsumeStartOf(Guid parcelId) => ConsumeStarts.TryRemove(parcelId, out var started) ? started : null;

    public static void Arrived(Guid parcelId)
    {
        var now = Stopwatch.GetTimestamp();
        if (Expected.TryRemove(parcelId, out var arrival))
        {
            arrival.TrySetResult(now);
        }
    }

    /// <summary>Waits for the arrival, failing the run if it does not come within <paramref name="timeout"/>.</summary>
    public static async Task<long> WithinAsync(Task<long> arrival, TimeSpan timeout, string what)
    {
        try
        {
            return await arrival.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what} did not arrive within {timeout}.");
        }
    }
}
