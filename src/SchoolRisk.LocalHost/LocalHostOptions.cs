using SchoolRisk.LocalHost.EventGrid;

namespace SchoolRisk.LocalHost;

/// <summary>Settings of the local host. Command-line and environment keys: <c>ScriptRoot</c>, <c>AzureWebJobsStorage</c>, <c>HttpPort</c>.</summary>
public sealed class LocalHostOptions
{
    /// <summary>
    /// The function app: an isolated-worker app's build or publish output folder, holding <c>host.json</c>,
    /// <c>worker.config.json</c>, <c>functions.metadata</c> and the app's assembly (<c>bin/Debug/net10.0/</c> of its project).
    /// </summary>
    public string ScriptRoot { get; set; } = ".";

    /// <summary>
    /// App settings, as Azure's Application settings (or <c>local.settings.json</c>'s <c>Values</c>): given to the worker
    /// as environment variables (<c>Rules__Directory</c> for <c>Rules:Directory</c>), resolved in <c>%Name%</c> binding
    /// properties, naming binding connections, and overriding <c>host.json</c> values as
    /// <c>AzureFunctionsJobHost__path__to__value</c>.
    /// </summary>
    public IDictionary<string, string> AppSettings { get; } = new Dictionary<string, string>();

    /// <summary>The <c>AzureWebJobsStorage</c> connection string: the account that bindings naming no connection use.</summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The port HTTP triggers are served on (127.0.0.1). Default 0: a free port, see <see cref="LocalFunctionsHost.HttpUrl"/>.</summary>
    public int HttpPort { get; set; }

    /// <summary>The host id: the folder of <c>azure-webjobs-secrets</c> that holds this app's keys. Default <c>schoolrisk-local</c>.</summary>
    public string HostId { get; set; } = "schoolrisk-local";

    /// <summary>
    /// How long a received queue message stays invisible while its function runs, renewed every half of it until the
    /// invocation ends, so an invocation longer than the lease (up to <c>functionTimeout</c>) is not delivered a second
    /// time while it runs. Default 10 minutes, renewed every 5, as the Functions host's queue listener
    /// (<c>QueueListener</c> of Microsoft.Azure.WebJobs.Extensions.Storage.Queues); shorter only to watch the renewal.
    /// </summary>
    public TimeSpan QueueMessageLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often Event Grid's stand-in lists containers for new blobs while blobs keep coming. Default 250 ms.</summary>
    public TimeSpan BlobPollingInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The longest wait between listings once they find nothing new (the wait doubles from <see cref="BlobPollingInterval"/>):
    /// a blob written to a quiet deployment is published within this. Default 1 s, about Event Grid's own delivery delay.
    /// </summary>
    public TimeSpan MaxBlobPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Event subscriptions: BlobCreated events of a container go to a queue, as <c>infra/</c> subscribes them in Azure.
    /// Default: <c>uploads</c> to <c>upload-events</c>, <c>rules</c> to <c>rules-events</c>, <c>registry</c> to
    /// <c>registry-events</c> (in Azure only its <c>schools.csv</c>, <c>recipients.csv</c> and <c>federal/</c>; the function ignores the rest).
    /// </summary>
    public IList<EventGridSubscription> Subscriptions { get; } = [new("uploads", "upload-events"), new("rules", "rules-events"), new("registry", "registry-events")];
}
