using System.Collections.Concurrent;

namespace KollegialtUtbyte.Testing;

/// <summary>Stops the servers a test process started, also when a test forgot to or the run is cancelled.</summary>
internal static class TestProcessCleanup
{
    private static readonly ConcurrentBag<IAsyncDisposable> Owned = [];

    static TestProcessCleanup()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeAllAsync().AsTask().GetAwaiter().GetResult();
    }

    public static void Register(IAsyncDisposable server) => Owned.Add(server);

    public static async ValueTask DisposeAllAsync()
    {
        while (Owned.TryTake(out var server))
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>
/// Register with <c>[assembly: AssemblyFixture(typeof(TestServersCleanup))]</c> so the servers a test
/// assembly started are stopped when it finishes.
/// </summary>
public sealed class TestServersCleanup : IAsyncDisposable
{
    public ValueTask DisposeAsync() => TestProcessCleanup.DisposeAllAsync();
}
