using System.Text;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using SchoolRisk.Integration.Tests.Support;

namespace SchoolRisk.Integration.Tests.LocalHost;

public sealed class QueueTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FailingFunction_MessageGoesToPoisonQueueOnItsMaxDequeueCountthDelivery()
    {
        await using var handler = await FakeHandler.StartAsync(_ => Results.Json(new { Logs = new[] { "boom" } }, statusCode: 500));
        using var root = ScriptRoot.Create(HostJson("none", maxDequeueCount: 3), ("Work", TriggerJson("fail-in", "fail-out")));
        await using var host = await StartHostAsync(root, handler);
        var queues = new QueueServiceClient(azurite.Server.ConnectionString);

        await queues.GetQueueClient("fail-in").SendMessageAsync("{\"n\":1}", TestContext.Current.CancellationToken);
        var poisoned = await Poll.UntilAsync(
            async () => (await queues.GetQueueClient("fail-in-poison").PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value,
            messages => messages.Length > 0, "the message in fail-in-poison");

        Assert.Equal("{\"n\":1}", Assert.Single(poisoned).MessageText);
        Assert.Equal([1, 2, 3], handler.Invocations.Select(i => i.Payload.GetProperty("Metadata").GetProperty("DequeueCount").GetInt32()));
        Assert.Empty((await queues.GetQueueClient("fail-in").PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value);
        Assert.Empty((await queues.GetQueueClient("fail-out").PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("base64")]
    public async Task SucceedingFunction_PayloadFollowsTheContract_OutputsAreWrittenAndTheMessageDeleted(string encoding)
    {
        var outputs = new { Outputs = new { result = new object[] { "first", new { second = 2 } } }, Logs = new[] { "ok" } };
        await using var handler = await FakeHandler.StartAsync(_ => Results.Json(outputs));
        var (input, output) = ($"ok-in-{encoding}", $"ok-out-{encoding}");
        using var root = ScriptRoot.Create(HostJson(encoding, maxDequeueCount: 5), ("Work", TriggerJson(input, output)));
        await using var host = await StartHostAsync(root, handler);
        var queues = new QueueServiceClient(azurite.Server.ConnectionString);
        var base64 = encoding == "base64";

        await queues.GetQueueClient(input).CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await queues.GetQueueClient(input).SendMessageAsync(Encode("привет", base64), TestContext.Current.CancellationToken);
        var written = await Poll.UntilAsync(
            async () => (await queues.GetQueueClient(output).PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value,
            messages => messages.Length == 2, $"two messages on {output}");

        Assert.Equal(["first", "{\"second\":2}"], written.Select(message => Decode(message.MessageText, base64)));
        var (function, payload) = Assert.Single(handler.Invocations);
        Assert.Equal("Work", function);
        Assert.Equal("привет", payload.GetProperty("Data").GetProperty("item").GetString());
        Assert.Equal("Work", payload.GetProperty("Metadata").GetProperty("sys").GetProperty("MethodName").GetString());
        Assert.Equal(1, payload.GetProperty("Metadata").GetProperty("DequeueCount").GetInt32());
        await Poll.UntilAsync(
            async () => (await queues.GetQueueClient(input).PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value,
            messages => messages.Length == 0, $"{input} to be empty");
    }

    private Task<LocalHostRun> StartHostAsync(ScriptRoot root, FakeHandler handler) => LocalHostRun.StartAsync(root, handler, azurite.Server.ConnectionString);

    private static string HostJson(string encoding, int maxDequeueCount) => $$"""
        {
          "version": "2.0",
          "extensions": {
            "queues": {
              "messageEncoding": "{{encoding}}",
              "maxDequeueCount": {{maxDequeueCount}},
              "visibilityTimeout": "00:00:00",
              "maxPollingInterval": "00:00:00.200"
            }
          }
        }
        """;

    private static string TriggerJson(string input, string output) => $$"""
        {
          "bindings": [
            { "name": "item", "type": "queueTrigger", "direction": "in", "queueName": "{{input}}", "connection": "AzureWebJobsStorage" },
            { "name": "result", "type": "queue", "direction": "out", "queueName": "{{output}}", "connection": "AzureWebJobsStorage" }
          ]
        }
        """;

    private static string Encode(string text, bool base64) => base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    private static string Decode(string text, bool base64) => base64 ? Encoding.UTF8.GetString(Convert.FromBase64String(text)) : text;
}
