namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>What the broker keeps of a topic: its name and its duplicate detection.</summary>
/// <param name="Name">The topic's name (entity names compare ignoring case).</param>
/// <param name="RequiresDuplicateDetection">Whether a message id seen within <paramref name="DuplicateDetectionHistoryTimeWindow"/> is dropped.</param>
/// <param name="DuplicateDetectionHistoryTimeWindow">How long a message id is remembered; Service Bus's default is 10 minutes.</param>
/// <param name="CreatedAt">When the topic was created.</param>
internal sealed record TopicDescription(
    string Name, bool RequiresDuplicateDetection, TimeSpan DuplicateDetectionHistoryTimeWindow, DateTimeOffset CreatedAt)
{
    /// <summary>Service Bus's default duplicate detection window: 10 minutes.</summary>
    public static readonly TimeSpan DefaultDuplicateDetectionWindow = TimeSpan.FromMinutes(10);
}
