using System.Text.Json;
using Azure.Storage.Queues;
using SchoolRisk.LocalHost.Configuration;
using SchoolRisk.LocalHost.Tests.Support;
using SchoolRisk.Testing;

namespace SchoolRisk.LocalHost.Tests.Triggers;

/// <summary>
/// Queue triggers of the local host, end to end through Azurite and the contract worker: typed and string messages,
/// <c>$return</c> queue outputs, trigger metadata, both message encodings, and poison after <c>maxDequeueCount</c>
/// (3 in the contract worker's host.json).
/// </summary>
public sealed class QueueTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private QueueServiceClient Queues => new(azurite.ConnectionString);

    [Fact]
    public async Task PocoMessage_IsDeserializedByTheWorker_AndItsReturnValueIsOneJsonMessage_WithTheTriggerMetadata()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);
        var text = """{"Id":"order-7","Quantity":3}""";

        var sent = await Queues.GetQueueClient("typed-in").SendMessageAsync(Testing.Queues.Encode(text, base64: true), TestContext.Current.CancellationToken);
        var written = await Testing.Queues.WaitForAsync(Queues.GetQueueClient("typed-out"), 1);

        using var receipt = JsonDocument.Parse(Assert.Single(written));
        var root = receipt.RootElement;
        Assert.Equal(("order-7", 3, 1), (root.GetProperty("Id").GetString(), root.GetProperty("Quantity").GetInt32(), root.GetProperty("DequeueCount").GetInt32()));
        Assert.Equal(sent.Value.MessageId, root.GetProperty("MessageId").GetString());
        Assert.Equal(text, root.GetProperty("QueueTrigger").GetString());
        await Poll.UntilAsync(
            async () => (await Queues.GetQueueClient("typed-in").PeekMessagesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value,
            messages => messages.Length == 0, "typed-in to be empty");
    }

    [Theory]
    [InlineData("none")]
    [InlineData("base64")]
    public async Task StringMessage_InEitherEncoding_IsEchoedOnTheQueueAnAppSettingNames(string encoding)
    {
        var base64 = encoding == "base64";
        await using var run = await ContractHost.StartAsync(
            azurite.ConnectionString,
            new Dictionary<string, string> { [$"{HostJson.OverridePrefix}extensions__queues__messageEncoding"] = encoding });
        var output = Queues.GetQueueClient("string-out");

        await Queues.GetQueueClient("string-in").SendMessageAsync(Testing.Queues.Encode($"привет {encoding}", base64), TestContext.Current.CancellationToken);
        var message = await Poll.UntilAsync(
            async () => (await output.ReceiveMessagesAsync(32, cancellationToken: TestContext.Current.CancellationToken)).Value,
            messages => messages.Length > 0, "the echo on string-out");

        Assert.Equal($"echo:привет {encoding}", Testing.Queues.Decode(Assert.Single(message).MessageText, base64));
    }

    [Fact]
    public async Task FailingFunction_IsRetried_ThenItsMessageGoesToThePoisonQueueOnTheThirdFailure_WithTheReasonLogged()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);
        var text = Testing.Queues.Encode("refuse me", base64: true);

        await Queues.GetQueueClient("throw-in").SendMessageAsync(text, TestContext.Current.CancellationToken);
        var poisoned = await Testing.Queues.WaitForAsync(Queues.GetQueueClient("throw-in-poison"), 1, base64: false);
        var moved = await run.LogAsync(entry => entry.Message.Contains("moved to throw-in-poison", StringComparison.Ordinal), "the poison log line");

        Assert.Equal(text, Assert.Single(poisoned));
        Assert.Contains("System.InvalidOperationException: Refused 'refuse me'.", moved.Message, StringComparison.Ordinal);
        Assert.Equal(
            ["Refusing refuse me on delivery 1", "Refusing refuse me on delivery 2", "Refusing refuse me on delivery 3"],
            run.Logs.Entries.Where(entry => entry.Category == "Function.Throws.User" && entry.Message.StartsWith("Refusing", StringComparison.Ordinal)).Select(entry => entry.Message));
        Assert.Empty((await Queues.GetQueueClient("throw-in").PeekMessagesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task InvocationLongerThanTheMessageLease_KeepsItsMessageInvisible_SoItRunsOnce_AndTheMessageIsDeleted()
    {
        // A lease of two seconds, renewed every second; the function takes three. Unrenewed, the message would be visible
        // again after two seconds, delivered a second time, and the first delete refused. (A one-second lease left a
        // renewal only half a second's slack, which a loaded two-core machine sometimes missed.)
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString, configure: options => options.QueueMessageLease = TimeSpan.FromSeconds(2));
        var input = Queues.GetQueueClient("linger-in");

        await input.SendMessageAsync(Testing.Queues.Encode("long", base64: true), TestContext.Current.CancellationToken);
        await Testing.Queues.WaitForAsync(Queues.GetQueueClient("linger-out"), 1);
        await Poll.UntilAsync(
            async () => (await input.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount, count => count == 0, "the message to be deleted");

        Assert.Equal(["long:1"], await Testing.Queues.WaitForAsync(Queues.GetQueueClient("linger-out"), 1));
        Assert.Equal(
            ["Lingering over long on delivery 1"],
            run.Logs.Entries.Where(entry => entry.Category == "Function.Linger.User" && entry.Message.StartsWith("Lingering over", StringComparison.Ordinal)).Select(entry => entry.Message));
        Assert.DoesNotContain(run.Logs.Entries, entry => entry.Category == "Function.Linger" && entry.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Empty((await Queues.GetQueueClient("linger-in-poison").PeekMessagesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value);
    }
}
