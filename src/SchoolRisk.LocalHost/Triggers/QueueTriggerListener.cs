using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.Logging;
using SchoolRisk.LocalHost.Bindings;
using SchoolRisk.LocalHost.Configuration;
using SchoolRisk.LocalHost.Metadata;
using SchoolRisk.LocalHost.Worker;

namespace SchoolRisk.LocalHost.Triggers;

/// <summary>
/// A queue trigger, run as the Functions host runs it with the <c>host.json</c> queue settings: receive up to
/// <c>batchSize</c> messages, fetch more when in-flight work drops to <c>newBatchThreshold</c>, back off to
/// <c>maxPollingInterval</c> while the queue is empty; delete a message when its invocation succeeds, make it visible
/// again after <c>visibilityTimeout</c> when it fails, and move it to <c>{queue}-poison</c> on its
/// <c>maxDequeueCount</c>-th failure. It does not receive while no worker is ready, so a restart of the worker costs a
/// message only the delivery that was in flight.
/// <para>
/// The message reaches the worker as the trigger binding's value (<c>string</c>, or <c>bytes</c> for a
/// <c>Binary</c>/<c>Stream</c> trigger) with the trigger metadata of the queue extension: <c>QueueTrigger</c>,
/// <c>Id</c>, <c>PopReceipt</c> as strings, <c>DequeueCount</c> and the three times as JSON (WorkerHarness
/// <c>TriggerMetadata.json</c>).
/// </para>
/// </summary>
internal sealed class QueueTriggerListener(
    FunctionDescriptor function,
    string queueName,
    QueuesSettings settings,
    QueueServiceClient queues,
    WorkerSupervisor worker,
    FunctionExecutor executor,
    TimeSpan lease,
    TimeProvider time,
    // The function's own category, Function.{name}, as the Functions host logs a trigger's outcomes.
    ILogger logger)
{
    /// <summary>The shortest wait between polls of an empty queue, as the Functions host's.</summary>
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly BindingDescriptor _trigger = function.QueueTrigger
        ?? throw new ArgumentException($"Function '{function.Name}' has no queue trigger.", nameof(function));

    /// <summary>Creates the trigger queue and its poison queue, as the Functions host does when it starts.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await queues.GetQueueClient(queueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queues.GetQueueClient(queueName + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        logger.LogInformation("Function {Function}: queue trigger on {Queue}", function.Name, queueName);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(queueName);
        var poison = queues.GetQueueClient(queueName + "-poison");

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

                await worker.WaitUntilReadyAsync(cancellationToken);
                QueueMessage[] messages;
                try
                {
                    messages = await queue.ReceiveMessagesAsync(Math.Min(settings.BatchSize, 32), lease, cancellationToken);
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
                    idle = PollingBackoff.Next(idle, MinPollingInterval, settings.MaxPollingInterval);
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
                await MoveToPoisonAsync(queue, poison, message, "it was delivered more often than maxDequeueCount");
                return;
            }

            InvocationResult result;
            using (var renewal = new CancellationTokenSource())
            {
                var renewing = KeepInvisibleAsync(queue, message, renewal.Token);
                result = await InvokeAsync(message);
                await renewal.CancelAsync();
                message = message.Update(await renewing);
            }

            if (result.Succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                return;
            }

            logger.LogWarning(
                "Function {Function} failed ({Status}) on message {MessageId}, delivery {DequeueCount} of {MaxDequeueCount}: {Reason}",
                function.Name, result.Status, message.MessageId, message.DequeueCount, settings.MaxDequeueCount, result.Failure);
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, result.Failure ?? result.Status.ToString());
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

    /// <summary>
    /// Renews the message's invisibility every half of the lease (<see cref="LocalHostOptions.QueueMessageLease"/>) until <paramref name="stop"/>; returns the last
    /// receipt (each renewal gives the message a new pop receipt, which settling it then needs), or the one it was
    /// received with. A renewal that fails is logged and ends the renewing: the message may then be delivered again.
    /// </summary>
    private async Task<UpdateReceipt> KeepInvisibleAsync(QueueClient queue, QueueMessage message, CancellationToken stop)
    {
        var receipt = QueuesModelFactory.UpdateReceipt(message.PopReceipt, message.NextVisibleOn ?? time.GetUtcNow());
        try
        {
            while (true)
            {
                await Task.Delay(lease / 2, time, stop);
                receipt = (await queue.UpdateMessageAsync(message.MessageId, receipt.PopReceipt, visibilityTimeout: lease, cancellationToken: stop)).Value;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return receipt;
        }
        catch (RequestFailedException exception)
        {
            logger.LogWarning(exception, "Function {Function}: message {MessageId} could not be kept invisible; it may be delivered again", function.Name, message.MessageId);
            return receipt;
        }
    }

    private async Task<InvocationResult> InvokeAsync(QueueMessage message)
    {
        byte[] content;
        try
        {
            content = QueueMessageText.Decode(message.MessageText, settings.Base64Messages);
        }
        catch (FormatException exception)
        {
            return new InvocationResult(InvocationStatus.Failed, $"the message is not Base64 ({exception.Message})", null, new Dictionary<string, TypedData>());
        }

        var text = Encoding.UTF8.GetString(content);
        var binary = _trigger.DataType is { } dataType
            && (dataType.Equals("Binary", StringComparison.OrdinalIgnoreCase) || dataType.Equals("Stream", StringComparison.OrdinalIgnoreCase));
        var metadata = new Dictionary<string, TypedData>
        {
            ["QueueTrigger"] = TypedDataValue.Text(text),
            ["DequeueCount"] = TypedDataValue.Json(message.DequeueCount.ToString(CultureInfo.InvariantCulture)),
            ["Id"] = TypedDataValue.Text(message.MessageId),
            ["PopReceipt"] = TypedDataValue.Text(message.PopReceipt),
        };
        AddTime(metadata, "InsertionTime", message.InsertedOn);
        AddTime(metadata, "ExpirationTime", message.ExpiresOn);
        AddTime(metadata, "NextVisibleTime", message.NextVisibleOn);

        var data = new BindingData()
            .Set("QueueTrigger", text)
            .Set("DequeueCount", message.DequeueCount.ToString(CultureInfo.InvariantCulture))
            .Set("Id", message.MessageId)
            .Set("PopReceipt", message.PopReceipt)
            .AddJsonProperties(text);
        return await executor.ExecuteAsync(function, binary ? TypedDataValue.Bytes(content) : TypedDataValue.Text(text), metadata, data, CancellationToken.None);
    }

    /// <summary>A time as Json.NET writes a <c>DateTimeOffset</c> (the host's serializer): a JSON string, ISO 8601 with the offset.</summary>
    private static void AddTime(Dictionary<string, TypedData> metadata, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            metadata[name] = TypedDataValue.Json($"\"{time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK", CultureInfo.InvariantCulture)}\"");
        }
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, string reason)
    {
        await poison.SendMessageAsync(message.MessageText);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        logger.LogError(
            "Function {Function}: message {MessageId} moved to {PoisonQueue} after {DequeueCount} deliveries; the last failure: {Reason}",
            function.Name, message.MessageId, poison.Name, message.DequeueCount, reason);
    }
}
