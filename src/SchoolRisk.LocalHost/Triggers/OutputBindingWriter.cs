using System.Text.Json;
using Azure.Storage.Queues;
using SchoolRisk.LocalHost.Manifest;

namespace SchoolRisk.LocalHost.Triggers;

/// <summary>
/// Writes a successful invocation's queue outputs, as the Functions host does: a string is one message, an object is
/// its JSON, an array is one message per element; an absent or null output writes nothing.
/// </summary>
internal sealed class OutputBindingWriter(QueueServiceClient queues, QueuesSettings settings)
{
    public async Task WriteAsync(FunctionDefinition function, InvocationResult result, CancellationToken cancellationToken)
    {
        foreach (var binding in function.QueueOutputs)
        {
            if (result.Output(binding.Name) is not { } value)
            {
                continue;
            }

            var queue = queues.GetQueueClient(binding.QueueName);
            var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
            foreach (var item in items)
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
                await queue.SendMessageAsync(QueueMessageText.Encode(text, settings.Base64Messages), cancellationToken);
            }
        }
    }
}
