using System.Net;
using System.Net.Sockets;
using SchoolRisk.LocalHost.NodeTools;

namespace SchoolRisk.LocalHost.Tests.NodeTools;

public sealed class LoopbackPortsTests
{
    [Fact]
    public void Free_GivesDistinctPortsNobodyListensOn_BelowTheEphemeralRangeThatOutgoingConnectionsTake()
    {
        var ports = LoopbackPorts.Free(3);

        Assert.Equal(3, ports.Distinct().Count());
        var range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range))
        {
            var firstEphemeral = int.Parse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.All(ports, port => Assert.InRange(port, 10_000, firstEphemeral - 1));
        }

        foreach (var port in ports)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
    }

    [Fact]
    public async Task Start_WhenAnotherServerBoundAPortFirst_StartsAgainOnOtherPorts()
    {
        var tried = new List<int[]>();

        var started = await LoopbackPorts.StartAsync("Tool", 2, ports =>
        {
            tried.Add(ports);
            return tried.Count switch
            {
                1 => throw new PortInUseException("listen EADDRINUSE"),
                2 => Task.FromResult<string?>(null),
                _ => Task.FromResult<string?>($"on {ports[0]}"),
            };
        });

        Assert.Equal(3, tried.Count);
        Assert.Equal($"on {tried[2][0]}", started);
    }

    [Fact]
    public async Task Start_GivesUpWithAClearError_AfterFiveSetsOfPortsWereTaken()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LoopbackPorts.StartAsync<string>("Tool", 1, _ =>
        {
            attempts++;
            return Task.FromResult<string?>(null);
        }));

        Assert.Equal(LoopbackPorts.StartAttempts, attempts);
        Assert.Contains("Tool did not start on any of 5 sets of free ports", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DoesNotRetry_WhenTheToolFailsForAnotherReason()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => LoopbackPorts.StartAsync<string>("Tool", 1, _ =>
        {
            attempts++;
            throw new InvalidOperationException("Tool is not installed");
        }));

        Assert.Equal(1, attempts);
    }
}
