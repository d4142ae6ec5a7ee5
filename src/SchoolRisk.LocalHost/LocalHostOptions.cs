using SchoolRisk.LocalHost.EventGrid;

namespace SchoolRisk.LocalHost;

/// <summary>Settings of the local host. Command-line and environment keys: <c>ScriptRoot</c>, <c>HandlerUrl</c>, <c>HandlerExecutable</c>, <c>AzureWebJobsStorage</c>, <c>HttpPort</c>.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The function app's root: the folder of <c>host.json</c> and the function folders.</summary>
    public string ScriptRoot { get; set; } = ".";

    /// <summary>
    /// A custom handler that is already running. When <c>null</c> (the default), the local host starts the handler
    /// itself as the Functions host does: <see cref="HandlerExecutable"/>, or <c>customHandler.description</c> of
    /// <c>host.json</c>, on a free port passed in <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, restarted when it exits.
    /// </summary>
    public Uri? HandlerUrl { get; set; }

    /// <summary>The handler executable to start instead of <c>host.json</c>'s <c>defaultExecutablePath</c>.</summary>
    public string? HandlerExecutable { get; set; }

    /// <summary>App settings given to a started handler as environment variables (<c>Rules__Directory</c> for <c>Rules:Directory</c>).</summary>
    public IDictionary<string, string> AppSettings { get; } = new Dictionary<string, string>();

    /// <summary>The <c>AzureWebJobsStorage</c> connection string: the account that bindings named so use.</summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The port HTTP triggers are served on (127.0.0.1). Default 0: a free port, see <see cref="LocalFunctionsHost.HttpUrl"/>.</summary>
    public int HttpPort { get; set; }

    /// <summary>The host id: the folder of <c>azure-webjobs-secrets</c> that holds this app's keys. Default <c>schoolrisk-local</c>.</summary>
    public string HostId { get; set; } = "schoolrisk-local";

    /// <summary>How often Event Grid's stand-in lists containers for new blobs. Default 250 ms.</summary>
    public TimeSpan BlobPollingInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Event subscriptions: BlobCreated events of a container go to a queue, as <c>infra/</c> subscribes them in Azure.
    /// Default: <c>uploads</c> to <c>upload-events</c>, <c>rules</c> to <c>rules-events</c>, <c>registry</c> to
    /// <c>registry-events</c> (in Azure only its <c>schools.csv</c> and <c>recipients.csv</c>; the function ignores the rest).
    /// </summary>
    public IList<EventGridSubscription> Subscriptions { get; } = [new("uploads", "upload-events"), new("rules", "rules-events"), new("registry", "registry-events")];
}
