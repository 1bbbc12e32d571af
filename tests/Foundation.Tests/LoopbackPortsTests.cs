using System.Net;
using System.Net.Sockets;
using KollegialtUtbyte.Testing;

namespace KollegialtUtbyte.Foundation.Tests;

/// <summary>
/// The servers the tests start as processes bind their ports seconds after the port was chosen;
/// nothing else on the machine may be given the port in between.
/// </summary>
public sealed class LoopbackPortsTests
{
    [Fact]
    public void Reserved_ports_lie_below_the_range_the_system_gives_out_for_bind_to_zero_and_outgoing_connections()
    {
        var ephemeral = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        var firstEphemeral = int.Parse(ephemeral[0], System.Globalization.CultureInfo.InvariantCulture);

        var ports = Enumerable.Range(0, 50).Select(_ => LoopbackPorts.Reserve()).ToList();

        Assert.All(ports, port => Assert.InRange(port, 1024, firstEphemeral - 1));
        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public void A_reserved_port_is_free_to_listen_on_and_is_not_given_out_again_while_the_process_lives()
    {
        var port = LoopbackPorts.Reserve();

        using (var listener = new TcpListener(IPAddress.Loopback, port))
        {
            listener.Start();
        }

        var owner = File.ReadAllText(Path.Combine(Path.GetTempPath(), "ku-test-ports", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), owner);
        Assert.DoesNotContain(port, Enumerable.Range(0, 200).Select(_ => LoopbackPorts.Reserve()));
    }
}
