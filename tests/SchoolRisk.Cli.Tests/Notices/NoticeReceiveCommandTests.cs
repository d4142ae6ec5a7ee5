using SchoolRisk.Testing;

namespace SchoolRisk.Cli.Tests.Notices;

/// <summary><c>schoolrisk notices receive</c>: its Service Bus connection from the <c>ServiceBus</c> variable, never shown.</summary>
public sealed class NoticeReceiveCommandTests
{
    private const string Key = "c2VjcmV0LXNoYXJlZC1hY2Nlc3Mta2V5";

    [Fact]
    public async Task Help_WithServiceBusSet_NamesTheVariable_ButNeverPrintsItsKey()
    {
        var (exit, output) = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["ServiceBus"] = $"Endpoint=sb://prod.servicebus.windows.net/;SharedAccessKeyName=receive;SharedAccessKey={Key}" },
            "notices", "receive", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("ServiceBus", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
    }
}
