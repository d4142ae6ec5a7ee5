using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using SchoolRisk.LocalHost.Bindings;
using SchoolRisk.LocalHost.Metadata;
using SchoolRisk.LocalHost.Worker;

namespace SchoolRisk.LocalHost.Triggers;

/// <summary>
/// Runs one invocation of a function for a trigger: builds the <c>InvocationRequest</c> as
/// <c>ScriptInvocationContextExtensions.ToRpcInvocationRequest</c> does (the trigger's value under its binding name,
/// blob inputs as <see cref="BlobInputBinding"/>, the trigger metadata, and an empty <c>RpcTraceContext</c>, without
/// which the worker throws), invokes it, and on success performs the queue and blob outputs.
/// </summary>
internal sealed class FunctionExecutor(WorkerSupervisor worker, OutputBindingWriter outputs, TimeProvider time)
{
    /// <param name="function">The function.</param>
    /// <param name="trigger">The trigger binding's value.</param>
    /// <param name="triggerMetadata">The trigger metadata, sent as <c>trigger_metadata</c>.</param>
    /// <param name="data">The values the binding expressions may name.</param>
    /// <param name="cancellationToken">Cancels the invocation (the worker is sent <c>InvocationCancel</c>).</param>
    /// <exception cref="Azure.RequestFailedException">Storage refused an output.</exception>
    public async Task<InvocationResult> ExecuteAsync(
        FunctionDescriptor function, TypedData trigger, IReadOnlyDictionary<string, TypedData> triggerMetadata, BindingData data, CancellationToken cancellationToken)
    {
        var request = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            TraceContext = new RpcTraceContext { TraceParent = string.Empty, TraceState = string.Empty },
        };
        request.InputData.Add(new ParameterBinding { Name = function.Trigger!.Name, Data = trigger });
        foreach (var (name, value) in triggerMetadata)
        {
            request.TriggerMetadata[name] = value;
        }

        try
        {
            request.InputData.AddRange(function.BlobInputs.Select(binding => BlobInputBinding.Create(binding, data, time)));
        }
        catch (InvalidOperationException exception)
        {
            return Failed($"binding the blob inputs failed: {exception.Message}");
        }

        var result = await worker.InvokeAsync(function.Name, request, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        try
        {
            await outputs.WriteAsync(function, result, data, CancellationToken.None);
        }
        catch (InvalidOperationException exception)
        {
            return Failed($"writing the outputs failed: {exception.Message}");
        }

        return result;
    }

    private static InvocationResult Failed(string reason) => new(InvocationStatus.Failed, reason, null, new Dictionary<string, TypedData>());
}
