namespace SchoolRisk.LocalHost.Manifest;

/// <summary>
/// One entry of a <c>function.json</c>'s <c>bindings</c>. An <c>httpTrigger</c> also has a <see cref="Route"/> (default:
/// the function's name), <see cref="Methods"/> (default: all) and an <see cref="AuthLevel"/> (default <c>function</c>).
/// </summary>
public sealed record BindingDefinition(string Name, string Type, string Direction, string? QueueName, string? Connection)
{
    public string? Route { get; init; }

    public IReadOnlyList<string> Methods { get; init; } = [];

    public string? AuthLevel { get; init; }

    public bool IsQueueTrigger => Type.Equals("queueTrigger", StringComparison.OrdinalIgnoreCase);

    public bool IsQueueOutput =>
        Type.Equals("queue", StringComparison.OrdinalIgnoreCase) && Direction.Equals("out", StringComparison.OrdinalIgnoreCase);

    public bool IsHttpTrigger => Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase);

    public bool IsHttpOutput =>
        Type.Equals("http", StringComparison.OrdinalIgnoreCase) && Direction.Equals("out", StringComparison.OrdinalIgnoreCase);
}
