namespace SchoolRisk.Storage.Events;

/// <summary>What the function app needs of an Event Grid <c>Microsoft.Storage.BlobCreated</c> event.</summary>
public sealed record BlobCreatedEvent(string EventId, string Container, string BlobName, string? ETag);
