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
    /// <summary>The largest batch a queue receive returns (Queue storage's limit), and so the largest <c>batchSize</c>.</summary>
    public const int MaxBatchSize = 32;

    /// <summary>The shortest polling interval the Functions host takes (<c>QueuePollingIntervals.Minimum</c>).</summary>
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads the section; values may be JSON numbers or, from app-setting overrides, text. The ranges are those the
    /// Functions host's <c>QueuesOptions</c> enforces at start: <c>batchSize</c> 1–32, <c>newBatchThreshold</c> not
    /// negative, <c>maxPollingInterval</c> at least 100 ms, <c>visibilityTimeout</c> not negative, <c>maxDequeueCount</c> at least 1.
    /// </summary>
    /// <exception cref="FormatException">A value is not a number or time span, or is out of its range; the message names it.</exception>
    public static QueuesSettings Read(JsonObject? queues)
    {
        var batchSize = Int(queues, "batchSize", 1, MaxBatchSize) ?? 16;
        return new QueuesSettings(
            batchSize,
            Int(queues, "newBatchThreshold", 0, int.MaxValue) ?? batchSize / 2,
            Time(queues, "maxPollingInterval", MinPollingInterval) ?? TimeSpan.FromMinutes(1),
            Time(queues, "visibilityTimeout", TimeSpan.Zero) ?? TimeSpan.Zero,
            Int(queues, "maxDequeueCount", 1, int.MaxValue) ?? 5,
            !string.Equals(HostJson.Text(queues, "messageEncoding"), "none", StringComparison.OrdinalIgnoreCase));
    }

    private static int? Int(JsonObject? section, string name, int min, int max)
    {
        if (HostJson.Text(section, name) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"extensions.queues.{name} is «{text}», not a whole number.");
        }

        return value >= min && value <= max
            ? value
            : throw new FormatException($"extensions.queues.{name} is {value}; the Functions host takes {(max == int.MaxValue ? $"at least {min}" : $"{min} to {max}")}.");
    }

    private static TimeSpan? Time(JsonObject? section, string name, TimeSpan min)
    {
        if (HostJson.Text(section, name) is not { } text)
        {
            return null;
        }

        var value = HostJson.TimeOf($"extensions.queues.{name}", text);
        return value >= min ? value : throw new FormatException($"extensions.queues.{name} is {value}; the Functions host takes at least {min}.");
    }
}
