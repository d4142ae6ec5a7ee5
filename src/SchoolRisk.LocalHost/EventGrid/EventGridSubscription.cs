namespace SchoolRisk.LocalHost.EventGrid;

/// <summary>An Event Grid subscription with a storage queue endpoint: BlobCreated events of <see cref="Container"/> go to <see cref="Queue"/>.</summary>
public sealed record EventGridSubscription(string Container, string Queue);
