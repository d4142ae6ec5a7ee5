namespace SchoolRisk.LocalHost.Manifest;

/// <summary>A function: its folder name and the bindings of its <c>function.json</c>.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<BindingDefinition> Bindings)
{
    public BindingDefinition? QueueTrigger => Bindings.SingleOrDefault(binding => binding.IsQueueTrigger);

    public IEnumerable<BindingDefinition> QueueOutputs => Bindings.Where(binding => binding.IsQueueOutput);
}
