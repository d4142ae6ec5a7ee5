using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace SchoolRisk.LocalHost.Metadata;

/// <summary>
/// A function as the worker indexed it (or as <c>functions.metadata</c> describes it): the metadata sent back in its
/// <c>FunctionLoadRequest</c>, and its bindings.
/// </summary>
internal sealed record FunctionDescriptor(string Id, string Name, IReadOnlyList<BindingDescriptor> Bindings, RpcFunctionMetadata Metadata)
{
    public BindingDescriptor? Trigger => Bindings.FirstOrDefault(binding => binding.IsTrigger && binding.IsIn);

    public BindingDescriptor? QueueTrigger => Trigger is { } trigger && trigger.Is("queueTrigger") ? trigger : null;

    public BindingDescriptor? HttpTrigger => Trigger is { } trigger && trigger.Is("httpTrigger") ? trigger : null;

    /// <summary>The <c>http</c> output the response comes from: <c>$return</c> or an <c>[HttpResult]</c> property.</summary>
    public BindingDescriptor? HttpOutput => Bindings.FirstOrDefault(binding => binding.IsOut && binding.Is("http"));

    public IEnumerable<BindingDescriptor> BlobInputs => Bindings.Where(binding => binding.IsIn && !binding.IsTrigger && binding.Is("blob"));

    public static FunctionDescriptor From(RpcFunctionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new FunctionDescriptor(
            metadata.FunctionId, metadata.Name, [.. metadata.RawBindings.Select(json => BindingDescriptor.Parse(json, metadata.Name))], metadata);
    }
}
