using SchoolRisk.LocalHost.EventGrid;

namespace SchoolRisk.LocalHost;

/// <summary>Settings of the local host. Command-line and environment keys: <c>ScriptRoot</c>, <c>HandlerUrl</c>, <c>AzureWebJobsStorage</c>.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The function app's root: the folder of <c>host.json</c> and the function folders.</summary>
    public string ScriptRoot { get; set; } = ".";

    /// <summary>Where the custom handler listens, as the Functions host reaches it at <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>.</summary>
    public Uri HandlerUrl { get; set; } = new("http://127.0.0.1:8080");

    /// <summary>The <c>AzureWebJobsStorage</c> connection string: the account that bindings named so use.</summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>How often Event Grid's stand-in lists containers for new blobs. Default 250 ms.</summary>
    public TimeSpan BlobPollingInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Event subscriptions: BlobCreated events of a container go to a queue, as <c>infra/</c> subscribes them in Azure.
    /// Default: <c>uploads</c> to <c>upload-events</c>.
    /// </summary>
    public IList<EventGridSubscription> Subscriptions { get; } = [new("uploads", "upload-events")];
}
