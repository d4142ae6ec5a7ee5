using System.Security.Cryptography;
using SchoolRisk.LocalHost.NodeTools;

namespace SchoolRisk.LocalHost.Azurite;

/// <summary>
/// An Azurite process on free loopback ports, with a fresh random account key, so tests and runs never share state or
/// ports and no key is written anywhere. Disposing it stops the process.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    private readonly NodeToolProcess _process;

    private AzuriteServer(NodeToolProcess process, string connectionString, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString = connectionString;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public string ConnectionString { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public static async Task<AzuriteServer> StartAsync(AzuriteOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ports = NodeToolProcess.FreePorts(3);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        List<string> arguments =
        [
            "--blobPort", $"{ports[0]}", "--queuePort", $"{ports[1]}", "--tablePort", $"{ports[2]}",
            "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent",
        ];
        if (options.Location is { } location)
        {
            Directory.CreateDirectory(location);
            arguments.AddRange(["--location", location]);
        }
        else
        {
            arguments.Add("--inMemoryPersistence");
        }

        var process = NodeToolProcess.Start(
            options.RepositoryRoot, "Azurite", Path.Combine("azurite", "dist", "src", "azurite.js"), arguments,
            new Dictionary<string, string> { ["AZURITE_ACCOUNTS"] = $"{AccountName}:{key}" });
        var server = new AzuriteServer(process, ConnectionStringFor(key, ports[0], ports[1], ports[2]), ports[0], ports[1], ports[2]);
        try
        {
            await process.WaitUntilListeningAsync(ports, options.StartTimeout, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string ConnectionStringFor(string key, int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={key};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
}
