using System.Text.Json;

namespace SchoolRisk.LocalHost.Manifest;

/// <summary>
/// <c>extensions.queues</c> of <c>host.json</c>, with the Functions host's defaults where a value is absent:
/// batch size 16, new batch threshold half of it, polling interval up to 1 minute, retry delay 0, 5 deliveries,
/// Base64 message text.
/// </summary>
public sealed record QueuesSettings(
    int BatchSize,
    int NewBatchThreshold,
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int MaxDequeueCount,
    bool Base64Messages)
{
    public static QueuesSettings Read(JsonElement? queues)
    {
        var batchSize = Int(queues, "batchSize") ?? 16;
        return new QueuesSettings(
            batchSize,
            Int(queues, "newBatchThreshold") ?? batchSize / 2,
            Time(queues, "maxPollingInterval") ?? TimeSpan.FromMinutes(1),
            Time(queues, "visibilityTimeout") ?? TimeSpan.Zero,
            Int(queues, "maxDequeueCount") ?? 5,
            !string.Equals(Text(queues, "messageEncoding"), "none", StringComparison.OrdinalIgnoreCase));
    }

    private static int? Int(JsonElement? section, string name) =>
        section is { } s && s.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;

    private static string? Text(JsonElement? section, string name) =>
        section is { } s && s.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? Time(JsonElement? section, string name) =>
        Text(section, name) is { } text ? TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
}
