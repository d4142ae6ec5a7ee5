namespace SchoolRisk.Cli.Packaging;

/// <summary>A function of a custom-handler app: its folder name and the bindings of its <c>function.json</c>.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<BindingDefinition> Bindings)
{
    public BindingDefinition? QueueTrigger => Bindings.SingleOrDefault(binding => binding.IsQueueTrigger);
}
