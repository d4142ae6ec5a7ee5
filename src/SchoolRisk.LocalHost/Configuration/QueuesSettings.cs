using System.Globalization;
using System.Text.Json.Nodes;

namespace SchoolRisk.LocalHost.Configuration;

/// <summary>
/// <c>extensions.queues</c> of <c>host.json</c>, with the Functions host's defaults where a value is absent
/// (Azure.WebJobs.Extensions.Storage.Queues 5.x <c>QueuesOptions</c>): batch size 16, new batch threshold half of it,
/// polling interval up to 1 minute, visibility timeout 0, 5 deliveries, Base64 message text.
/// </summary>
/// <param name="BatchSize">Messages received at once (1–32).</param>
/// <param name="NewBatchThreshold">In-flight messages at or below which the next batch is fetched.</param>
/// <param name="MaxPollingInterval">The longest wait between polls of an empty queue.</param>
/// <param name="VisibilityTimeout">How long a failed message stays invisible before its next delivery.</param>
/// <param name="MaxDequeueCount">Deliveries before a failing message goes to <c>{queue}-poison</c>.</param>
/// <param name="Base64Messages"><c>messageEncoding</c>: <c>base64</c> (the default) or <c>none</c>.</param>
public sealed record QueuesSettings(
    int BatchSize,
    int NewBatchThreshold,
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int MaxDequeueCount,
    bool Base64Messages)
{
    /// <summary>Reads the section; values may be JSON numbers or, from app-setting overrides, text.</summary>
    public static QueuesSettings Read(JsonObject? queues)
    {
        var batchSize = Int(queues, "batchSize") ?? 16;
        return new QueuesSettings(
            batchSize,
            Int(queues, "newBatchThreshold") ?? batchSize / 2,
            Time(queues, "maxPollingInterval") ?? TimeSpan.FromMinutes(1),
            Time(queues, "visibilityTimeout") ?? TimeSpan.Zero,
            Int(queues, "maxDequeueCount") ?? 5,
            !string.Equals(HostJson.Text(queues, "messageEncoding"), "none", StringComparison.OrdinalIgnoreCase));
    }

    private static int? Int(JsonObject? section, string name) =>
        HostJson.Text(section, name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    private static TimeSpan? Time(JsonObject? section, string name) =>
        HostJson.Text(section, name) is { } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : null;
}
