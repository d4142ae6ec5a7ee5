using SchoolRisk.LocalHost.Configuration;
using SchoolRisk.LocalHost.Metadata;
using SchoolRisk.LocalHost.Triggers;
using SchoolRisk.LocalHost.Worker;

namespace SchoolRisk.LocalHost.Bindings;

/// <summary>
/// Performs a successful invocation's queue and blob outputs, which in the isolated model the host does, not the
/// worker: each <c>queue</c> output becomes messages on its <c>queueName</c> (see
/// <see cref="TypedDataValue.ToQueueMessages"/>; encoded per <c>messageEncoding</c>), each <c>blob</c> output is
/// uploaded to its <c>blobPath</c> (replacing a blob there). Names and paths have their expressions resolved from the
/// invocation's <see cref="BindingData"/>; queues and containers are created when missing, as the bindings do. An
/// output the function left empty writes nothing. <c>http</c> outputs are the HTTP server's.
/// </summary>
internal sealed class OutputBindingWriter(StorageClients storage, QueuesSettings settings, TimeProvider time)
{
    /// <exception cref="InvalidOperationException">An expression names no value, or a blob path is malformed.</exception>
    /// <exception cref="Azure.RequestFailedException">Storage refused a write.</exception>
    public async Task WriteAsync(FunctionDescriptor function, InvocationResult result, BindingData data, CancellationToken cancellationToken)
    {
        foreach (var binding in function.Bindings.Where(binding => binding.IsOut))
        {
            if (binding.Is("queue") && binding.QueueName is { } queueName)
            {
                var messages = TypedDataValue.ToQueueMessages(result.Output(binding.Name));
                if (messages.Count == 0)
                {
                    continue;
                }

                var queue = await storage.QueueAsync(binding.Connection, BindingExpression.Resolve(queueName, data, time), cancellationToken);
                foreach (var message in messages)
                {
                    await queue.SendMessageAsync(QueueMessageText.Encode(message, settings.Base64Messages), cancellationToken);
                }
            }
            else if (binding.Is("blob") && binding.BlobPath is { } blobPath && TypedDataValue.ToContent(result.Output(binding.Name)) is { } content)
            {
                var path = BlobPath.Parse(BindingExpression.Resolve(blobPath, data, time));
                var container = await storage.ContainerAsync(binding.Connection, path.Container, cancellationToken);
                await container.GetBlobClient(path.Name).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
            }
        }
    }
}
