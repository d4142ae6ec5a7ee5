using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace SchoolRisk.Storage.Events;

/// <summary>
/// Reads an Event Grid event (Event Grid schema) as Event Grid writes it on a storage queue: plain JSON text, one event
/// per message. The subject names the blob: <c>/blobServices/default/containers/{container}/blobs/{name}</c>.
/// </summary>
public static class BlobCreatedEventParser
{
    private const string ContainersSegment = "/blobServices/default/containers/";
    private const string BlobsSegment = "/blobs/";

    /// <summary>Returns the event, or <c>null</c> when it is a valid event of another type. Throws <see cref="FormatException"/> when it is not an event.</summary>
    public static BlobCreatedEvent? Parse(string message)
    {
        EventGridEvent gridEvent;
        try
        {
            gridEvent = EventGridEvent.Parse(BinaryData.FromString(message));
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"The message is not an Event Grid event: {exception.Message}", exception);
        }

        if (gridEvent.EventType != SystemEventNames.StorageBlobCreated)
        {
            return null;
        }

        var subject = gridEvent.Subject ?? string.Empty;
        var blobs = subject.IndexOf(BlobsSegment, StringComparison.Ordinal);
        if (!subject.StartsWith(ContainersSegment, StringComparison.Ordinal) || blobs < 0)
        {
            throw new FormatException($"The BlobCreated event's subject '{subject}' does not name a blob.");
        }

        var container = subject[ContainersSegment.Length..blobs];
        var blobName = subject[(blobs + BlobsSegment.Length)..];
        var eTag = gridEvent.TryGetSystemEventData(out var data) && data is StorageBlobCreatedEventData created ? created.ETag : null;
        return new BlobCreatedEvent(gridEvent.Id, container, blobName, eTag);
    }
}
