using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SchoolRisk.LocalHost.Tests.Support;
using SchoolRisk.Testing;

namespace SchoolRisk.LocalHost.Tests.Bindings;

/// <summary>Blob bindings of the local host through the contract worker: an input the worker downloads, outputs the host writes at paths it resolves.</summary>
public sealed class BlobBindingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task BlobInput_IsReadByTheWorker_AndBlobOutputsAreWrittenAtTheirResolvedPaths()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var source = blobs.GetBlobContainerClient("blob-source");
        await source.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await source.UploadBlobAsync("report.txt", BinaryData.FromString("школа 42"), TestContext.Current.CancellationToken);

        await new QueueClient(azurite.ConnectionString, "blob-copy").SendMessageAsync(Testing.Queues.Encode("report.txt", base64: true), TestContext.Current.CancellationToken);
        var copy = blobs.GetBlobContainerClient("blob-copies").GetBlobClient("copies/report.txt");
        await Poll.UntilAsync(async () => (await copy.ExistsAsync(TestContext.Current.CancellationToken)).Value, exists => exists, "blob-copies/copies/report.txt");
        var stamped = await Poll.UntilAsync(
            async () => await StampedAsync(blobs.GetBlobContainerClient("blob-stamped")),
            found => found.Count > 0, "the stamped blob");

        Assert.Equal("ШКОЛА 42", (await copy.DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString());
        var name = Assert.Single(stamped).Name;
        Assert.Matches($"^1/{TimeProvider.System.GetUtcNow().Year}/[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}\\.txt$", name);
        Assert.Equal("report.txt", (await blobs.GetBlobContainerClient("blob-stamped").GetBlobClient(name).DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString());
    }

    /// <summary>The container's blobs; none while the output binding has not yet created it (the copy's output may come first).</summary>
    private static async Task<List<Azure.Storage.Blobs.Models.BlobItem>> StampedAsync(BlobContainerClient container) =>
        await container.ExistsAsync(TestContext.Current.CancellationToken) is { Value: true }
            ? await container.GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken)
            : [];
}
