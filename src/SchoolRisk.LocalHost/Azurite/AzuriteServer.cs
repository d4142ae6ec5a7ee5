using System.Security.Cryptography;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SchoolRisk.LocalHost.NodeTools;

namespace SchoolRisk.LocalHost.Azurite;

/// <summary>
/// An Azurite process on free loopback ports, with fresh random account keys, so tests and runs never share state or
/// ports and no key is written anywhere. It can be stopped and started again on the same ports with the same keys (an
/// outage, in fault tests; with a <see cref="AzuriteOptions.Location"/> the data survives it). Disposing it stops it.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>The first account's name: the emulator's usual one.</summary>
    public const string AccountName = "devstoreaccount1";

    private readonly AzuriteOptions _options;
    private readonly (string Name, string Key)[] _accounts;
    private readonly int[] _ports;
    private NodeToolProcess? _process;

    private AzuriteServer(AzuriteOptions options, int[] ports)
    {
        (_options, _ports) = (options, ports);
        _accounts = [.. Enumerable.Range(0, Math.Max(1, options.Accounts))
            .Select(account => (account == 0 ? AccountName : $"account{account}", Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))))];
    }

    /// <summary>The first account's connection string.</summary>
    public string ConnectionString => ConnectionStringOf(0);

    /// <summary>How many accounts it serves (<see cref="AzuriteOptions.Accounts"/>).</summary>
    public int Accounts => _accounts.Length;

    public int BlobPort => _ports[0];

    public int QueuePort => _ports[1];

    public int TablePort => _ports[2];

    /// <summary>Starts Azurite on free ports with fresh account keys and waits until all three services answer with the first account's key.</summary>
    /// <exception cref="InvalidOperationException">Azurite is not installed, exited, or no set of free ports worked.</exception>
    public static async Task<AzuriteServer> StartAsync(AzuriteOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await LoopbackPorts.StartAsync("Azurite", 3, async ports =>
        {
            var server = new AzuriteServer(options, ports);
            try
            {
                await server.RestartAsync(cancellationToken);
                if (await server.AnswersWithItsKeyAsync(cancellationToken))
                {
                    return server;
                }
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }

            // A port answers, but not with this account key: another server bound it first.
            await server.DisposeAsync();
            return null;
        });
    }

    /// <summary>
    /// Stops the process, as an outage would: every request fails until <see cref="RestartAsync"/>. Azurite is asked to
    /// stop (it writes its data to <see cref="AzuriteOptions.Location"/> first), as a storage outage loses nothing.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(15));
            _process = null;
        }
    }

    /// <summary>Starts Azurite (again) on the same ports with the same key and data folder, and waits until it listens.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        List<string> arguments =
        [
            "--blobPort", $"{_ports[0]}", "--queuePort", $"{_ports[1]}", "--tablePort", $"{_ports[2]}",
            "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent",
        ];
        if (_options.Location is { } location)
        {
            Directory.CreateDirectory(location);
            arguments.AddRange(["--location", location]);
        }
        else
        {
            arguments.Add("--inMemoryPersistence");
        }

        _process = await NodeToolProcess.StartAsync(
            _options.RepositoryRoot, "Azurite", Path.Combine("azurite", "dist", "src", "azurite.js"), arguments,
            new Dictionary<string, string> { ["AZURITE_ACCOUNTS"] = string.Join(';', _accounts.Select(account => $"{account.Name}:{account.Key}")) });
        try
        {
            await _process.WaitUntilListeningAsync(_ports, _options.StartTimeout, cancellationToken);
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// Whether all three ports are this process's Azurite: a request signed with this server's key succeeds on each
    /// service, asked once (no retries: a refused connection is an answer here).
    /// </summary>
    private async Task<bool> AnswersWithItsKeyAsync(CancellationToken cancellationToken)
    {
        static T Once<T>(T options)
            where T : ClientOptions
        {
            options.Retry.MaxRetries = 0;
            return options;
        }

        try
        {
            await new BlobServiceClient(ConnectionString, Once(new BlobClientOptions())).GetPropertiesAsync(cancellationToken);
            await new QueueServiceClient(ConnectionString, Once(new QueueClientOptions())).GetPropertiesAsync(cancellationToken);
            await new TableServiceClient(ConnectionString, Once(new TableClientOptions())).GetPropertiesAsync(cancellationToken);
            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
    }

    /// <summary>The connection string of account <paramref name="account"/> (0 to <see cref="Accounts"/> - 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such account.</exception>
    public string ConnectionStringOf(int account)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(account);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(account, _accounts.Length);
        var (name, key) = _accounts[account];
        return $"DefaultEndpointsProtocol=http;AccountName={name};AccountKey={key};" +
            $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/{name};" +
            $"QueueEndpoint=http://127.0.0.1:{_ports[1]}/{name};" +
            $"TableEndpoint=http://127.0.0.1:{_ports[2]}/{name};";
    }
}
