using System.Net.Sockets;
using KollegialtUtbyte.Testing.Distributed;

namespace KollegialtUtbyte.Gateway.Tests;

/// <summary>
/// The distributed mode chooses free ports before its processes bind them, so another process can
/// take one first; a process that cannot bind its port must say so, so that start-up can choose
/// other ports instead of failing.
/// </summary>
public sealed class ProcessStartTests
{
    [Fact]
    public async Task The_gateway_as_a_process_reports_a_port_another_process_holds()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var logs = Directory.CreateTempSubdirectory("ku-port-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Auth__Authority"] = "http://127.0.0.1:9",
            ["Auth__RequireHttpsMetadata"] = "false",
        };
        await using var gateway = new ServiceProcess("Gateway", port, settings, logs);

        var refused = await Assert.ThrowsAsync<PortInUseException>(() => gateway.StartAsync(TimeSpan.FromMinutes(2)));

        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
    }
}
