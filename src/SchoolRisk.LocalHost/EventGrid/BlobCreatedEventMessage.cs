using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Storage.Blobs.Models;

namespace SchoolRisk.LocalHost.EventGrid;

/// <summary>A <c>Microsoft.Storage.BlobCreated</c> event in the Event Grid schema, as Event Grid writes it to a storage queue (plain JSON text).</summary>
internal static class BlobCreatedEventMessage
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static string Create(string accountName, string container, BlobItem blob, Uri blobUri, DateTimeOffset eventTime)
    {
        var gridEvent = new
        {
            id = Guid.NewGuid().ToString(),
            topic = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/{accountName}",
            subject = $"/blobServices/default/containers/{container}/blobs/{blob.Name}",
            eventType = "Microsoft.Storage.BlobCreated",
            eventTime = eventTime.ToString("O", CultureInfo.InvariantCulture),
            data = new
            {
                api = "PutBlob",
                clientRequestId = Guid.NewGuid().ToString(),
                requestId = Guid.NewGuid().ToString(),
                eTag = blob.Properties.ETag?.ToString(),
                contentType = blob.Properties.ContentType ?? "application/octet-stream",
                contentLength = blob.Properties.ContentLength ?? 0,
                blobType = "BlockBlob",
                url = blobUri.ToString(),
                sequencer = eventTime.UtcTicks.ToString("x32", CultureInfo.InvariantCulture),
                storageDiagnostics = new { batchId = Guid.NewGuid().ToString() },
            },
            dataVersion = string.Empty,
            metadataVersion = "1",
        };
        return JsonSerializer.Serialize(gridEvent, Json);
    }
}
