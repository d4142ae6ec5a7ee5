namespace SchoolRisk.LocalHost.Manifest;

/// <summary>A function: its folder name and the bindings of its <c>function.json</c>.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<BindingDefinition> Bindings)
{
    public BindingDefinition? QueueTrigger => Bindings.SingleOrDefault(binding => binding.IsQueueTrigger);

    public BindingDefinition? HttpTrigger => Bindings.SingleOrDefault(binding => binding.IsHttpTrigger);

    /// <summary>The binding the HTTP response comes from: the <c>http</c> output (possibly named <c>$return</c>).</summary>
    public BindingDefinition? HttpOutput => Bindings.FirstOrDefault(binding => binding.IsHttpOutput);

    public IEnumerable<BindingDefinition> QueueOutputs => Bindings.Where(binding => binding.IsQueueOutput);
}
