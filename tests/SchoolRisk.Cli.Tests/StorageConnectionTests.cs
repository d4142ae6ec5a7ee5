using SchoolRisk.Testing;

namespace SchoolRisk.Cli.Tests;

/// <summary>How a command reaches storage without <c>--connection-string</c>: from <c>AzureWebJobsStorage</c>, never shown.</summary>
public sealed class StorageConnectionTests
{
    private const string Key = "c2VjcmV0LWtleS1vZi10aGUtYWNjb3VudA==";

    [Fact]
    public async Task Help_WithAzureWebJobsStorageSet_NamesTheVariable_ButNeverPrintsItsKey()
    {
        var (exit, output) = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=https;AccountName=prod;AccountKey={Key};EndpointSuffix=core.windows.net" },
            "rules", "list", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("AzureWebJobsStorage", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
    }
}
