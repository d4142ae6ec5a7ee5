namespace SchoolRisk.Cli.Packaging;

/// <summary>One entry of a <c>function.json</c>'s <c>bindings</c>.</summary>
public sealed record BindingDefinition(string Name, string Type, string Direction, string? QueueName, string? Connection)
{
    public bool IsQueueTrigger => Type.Equals("queueTrigger", StringComparison.OrdinalIgnoreCase);
}
