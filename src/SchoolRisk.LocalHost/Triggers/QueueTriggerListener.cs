using System.Globalization;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using SchoolRisk.LocalHost.Manifest;

namespace SchoolRisk.LocalHost.Triggers;

/// <summary>
/// A queue trigger, run as the Functions host runs it with the <c>host.json</c> queue settings: receive up to
/// <c>batchSize</c> messages, fetch more when in-flight work drops to <c>newBatchThreshold</c>, back off to
/// <c>maxPollingInterval</c> while the queue is empty; delete a message when its invocation succeeds, make it visible
/// again after <c>visibilityTimeout</c> when it fails, and move it to <c>{queue}-poison</c> on its
/// <c>maxDequeueCount</c>-th failure.
/// </summary>
internal sealed class QueueTriggerListener(
    FunctionDefinition function,
    QueuesSettings settings,
    QueueServiceClient queues,
    HandlerInvoker invoker,
    OutputBindingWriter outputs,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>The shortest wait between polls of an empty queue, as the Functions host's.</summary>
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a received message stays invisible while it is processed.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly BindingDefinition _trigger = function.QueueTrigger
        ?? throw new ArgumentException($"Function '{function.Name}' has no queue trigger.", nameof(function));

    /// <summary>Creates the trigger queue and its poison queue, as the Functions host does when it starts.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await queues.GetQueueClient(_trigger.QueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queues.GetQueueClient(_trigger.QueueName + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        logger.LogInformation("Function {Function}: queue trigger on {Queue}", function.Name, _trigger.QueueName);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(_trigger.QueueName);
        var poison = queues.GetQueueClient(_trigger.QueueName + "-poison");

        var inFlight = new List<Task>();
        var idle = MinPollingInterval;
        try
        {
            while (true)
            {
                inFlight.RemoveAll(task => task.IsCompleted);
                if (inFlight.Count > settings.NewBatchThreshold)
                {
                    await Task.WhenAny(inFlight).WaitAsync(cancellationToken);
                    continue;
                }

                QueueMessage[] messages;
                try
                {
                    messages = await queue.ReceiveMessagesAsync(Math.Min(settings.BatchSize, 32), Lease, cancellationToken);
                }
                catch (Exception exception) when (exception is RequestFailedException or HttpRequestException or AggregateException)
                {
                    // Storage unreachable (an outage): the Functions host keeps polling with back-off; so does this.
                    logger.LogWarning("Function {Function}: receiving from {Queue} failed, retrying: {Error}", function.Name, queue.Name, exception.Message);
                    messages = [];
                }

                if (messages.Length == 0)
                {
                    await Task.Delay(idle, time, cancellationToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, MinPollingInterval.Ticks)));
                    continue;
                }

                idle = MinPollingInterval;
                // In-flight invocations are not cancelled when the host stops: they finish, and their messages are settled.
                inFlight.AddRange(messages.Select(message => Task.Run(() => ProcessAsync(queue, poison, message), CancellationToken.None)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAll(inFlight);
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message)
    {
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message);
                return;
            }

            var result = await InvokeAsync(message);
            foreach (var log in result.Logs)
            {
                logger.LogInformation("{Function}: {Log}", function.Name, log);
            }

            if (result.Succeeded)
            {
                await outputs.WriteAsync(function, result, CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                return;
            }

            logger.LogWarning(
                "Function {Function} failed ({Status}) on message {MessageId}, delivery {DequeueCount} of {MaxDequeueCount}",
                function.Name, result.Status, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout);
            }
        }
        catch (Exception exception) when (exception is RequestFailedException or HttpRequestException or AggregateException)
        {
            // The message stays on the queue and becomes visible again when its lease ends.
            logger.LogError(exception, "Function {Function}: storage failed while settling message {MessageId}", function.Name, message.MessageId);
        }
    }

    private async Task<InvocationResult> InvokeAsync(QueueMessage message)
    {
        string text;
        try
        {
            text = QueueMessageText.Decode(message.MessageText, settings.Base64Messages);
        }
        catch (FormatException exception)
        {
            return new InvocationResult(false, "message is not Base64", null, [exception.Message], null);
        }

        var now = time.GetUtcNow();
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { [_trigger.Name] = text },
            ["Metadata"] = new JsonObject
            {
                ["DequeueCount"] = message.DequeueCount,
                ["ExpirationTime"] = Format(message.ExpiresOn),
                ["Id"] = message.MessageId,
                ["InsertionTime"] = Format(message.InsertedOn),
                ["NextVisibleTime"] = Format(message.NextVisibleOn),
                ["PopReceipt"] = message.PopReceipt,
                ["sys"] = new JsonObject
                {
                    ["MethodName"] = function.Name,
                    ["UtcNow"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    ["RandGuid"] = Guid.NewGuid().ToString(),
                },
            },
        };
        return await invoker.InvokeAsync(function.Name, payload, CancellationToken.None);
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message)
    {
        await poison.SendMessageAsync(message.MessageText);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        logger.LogError(
            "Function {Function}: message {MessageId} moved to {PoisonQueue} after {DequeueCount} deliveries",
            function.Name, message.MessageId, poison.Name, message.DequeueCount);
    }

    private static string? Format(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);
}
