using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SchoolRisk.LocalHost.EventGrid;
using SchoolRisk.LocalHost.Tests.Support;
using SchoolRisk.Storage.Events;
using SchoolRisk.Testing;

namespace SchoolRisk.LocalHost.Tests.EventGrid;

public sealed class BlobEventPublisherTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task NewBlob_BecomesOneBlobCreatedEventThatTheEventGridSdkReads_AndARestartDoesNotRepublishIt()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, "drop");
        await container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var events = new QueueServiceClient(azurite.ConnectionString).GetQueueClient("drop-events");
        var blobName = "2023-2024/luzhsky/Школы.csv";
        await container.UploadBlobAsync(blobName, BinaryData.FromString("school_id\n"), TestContext.Current.CancellationToken);

        await RunHostUntilAsync(async () =>
            await Poll.UntilAsync(
                async () => (await events.PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value,
                messages => messages.Length > 0, "a BlobCreated event on drop-events"));
        var message = Assert.Single((await events.ReceiveMessagesAsync(10, cancellationToken: TestContext.Current.CancellationToken)).Value);
        await events.DeleteMessageAsync(message.MessageId, message.PopReceipt, TestContext.Current.CancellationToken);
        var parsed = BlobCreatedEventParser.Parse(message.MessageText);

        Assert.NotNull(parsed);
        Assert.Equal("drop", parsed.Container);
        Assert.Equal(blobName, parsed.BlobName);
        Assert.NotNull(parsed.ETag);

        await container.UploadBlobAsync("second.csv", BinaryData.FromString("x"), TestContext.Current.CancellationToken);
        await RunHostUntilAsync(async () =>
            await Poll.UntilAsync(
                async () => (await events.PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value,
                messages => messages.Length > 0, "the second blob's event"));
        var afterRestart = (await events.PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value;

        Assert.Equal(["second.csv"], afterRestart.Select(m => BlobCreatedEventParser.Parse(m.MessageText)!.BlobName));
    }

    private async Task RunHostUntilAsync(Func<Task> condition)
    {
        await using var run = await ContractHost.StartAsync(
            azurite.ConnectionString, configure: options => options.Subscriptions.Add(new EventGridSubscription("drop", "drop-events")));
        await condition();
    }
}
