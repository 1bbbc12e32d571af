using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace KollegialtUtbyte.Testing;

/// <summary>
/// Loopback ports for servers a test starts as processes (RabbitMQ, PostgreSQL, the services)
/// or points at while nobody listens. A port asked of the system (bind to 0) is free only until
/// the listener closes: by the time a slow server binds it, another test process may have been
/// given the same one, or an outgoing connection may use it as its local port, or a client
/// retrying a stopped server may connect to itself on it. So ports come from below the system's
/// ephemeral range (which neither bind-to-0 nor outgoing connections use), and each is reserved
/// for the lifetime of the test process by a file that other test processes respect (a file left
/// by a process that has ended no longer counts).
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20000;
    private const int Last = 32000;
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), "ku-test-ports");

    /// <summary>A port nothing listens on now, reserved for this test process; no other test process is given it.</summary>
    public static int Reserve()
    {
        System.IO.Directory.CreateDirectory(Directory);
        // The mutex is owned by a thread, so it also keeps this process's own threads apart.
        using (LockAcrossProcesses())
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (IsUnclaimed(port) && IsFree(port))
                {
                    File.WriteAllText(ClaimPath(port), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last} after 1000 tries.");
    }

    /// <summary>
    /// A mutex named for the machine, so that two test processes (or two threads) never read and
    /// write claims at the same time; waits while another holds it. A holder that died releases it.
    /// </summary>
    private static IDisposable LockAcrossProcesses()
    {
        var mutex = new Mutex(initiallyOwned: false, @"Global\ku-test-ports");
        try
        {
            if (!mutex.WaitOne(TimeSpan.FromMinutes(1)))
            {
                throw new TimeoutException("Another test process held the port reservations' lock for a minute.");
            }
        }
        catch (AbandonedMutexException)
        {
            // Its last holder ended while holding it; the claims it may have half written are re-read anyway.
        }
        catch
        {
            mutex.Dispose();
            throw;
        }

        return new Held(mutex);
    }

    private sealed class Held(Mutex mutex) : IDisposable
    {
        public void Dispose()
        {
            mutex.ReleaseMutex();
            mutex.Dispose();
        }
    }

    private static string ClaimPath(int port) => Path.Combine(Directory, port.ToString(CultureInfo.InvariantCulture));

    /// <summary>Unclaimed, or claimed by a test process that has ended (this process's own claims are taken).</summary>
    private static bool IsUnclaimed(int port) => !File.Exists(ClaimPath(port)) || !IsAlive(File.ReadAllText(ClaimPath(port)));

    private static bool IsAlive(string pid)
    {
        if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
