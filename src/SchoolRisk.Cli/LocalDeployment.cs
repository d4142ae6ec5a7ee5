using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using SchoolRisk.Functions;
using SchoolRisk.LocalHost;
using SchoolRisk.LocalHost.Azurite;
using SchoolRisk.Storage;

namespace SchoolRisk.Cli;

/// <summary>
/// The whole workflow on one machine: Azurite, the custom handler (on a free port, as the Functions host would start
/// it) and the local host that plays Event Grid and the Functions host. Disposing it stops all three.
/// </summary>
public sealed class LocalDeployment : IAsyncDisposable
{
    private readonly AzuriteServer _azurite;
    private readonly WebApplication _handler;
    private readonly LocalFunctionsHost _host;

    private LocalDeployment(AzuriteServer azurite, WebApplication handler, LocalFunctionsHost host)
    {
        _azurite = azurite;
        _handler = handler;
        _host = host;
        Storage = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString });
    }

    public StorageAccount Storage { get; }

    public string ConnectionString => _azurite.ConnectionString;

    /// <param name="repositoryRoot">Holds <c>host.json</c>, the function folders, <c>rules/</c> and <c>node_modules</c>.</param>
    /// <param name="azuriteLocation">Azurite's data folder; <c>null</c> keeps data in memory.</param>
    /// <param name="handlerLogLevel">Least level the handler logs to the console.</param>
    /// <param name="loggers">Loggers of the local host.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalDeployment> StartAsync(
        string repositoryRoot, string? azuriteLocation, LogLevel handlerLogLevel, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var azurite = await AzuriteServer.StartAsync(
            new AzuriteOptions { RepositoryRoot = repositoryRoot, Location = azuriteLocation }, cancellationToken);
        WebApplication? handler = null;
        try
        {
            handler = await FunctionApp.BuildAsync(
            [
                "--FUNCTIONS_CUSTOMHANDLER_PORT=0",
                $"--AzureWebJobsStorage={azurite.ConnectionString}",
                $"--Rules:Directory={Path.Combine(repositoryRoot, "rules")}",
                $"--Logging:LogLevel:Default={handlerLogLevel}",
            ], cancellationToken);
            await handler.StartAsync(cancellationToken);
            var handlerUrl = new Uri(handler.Urls.First());
            var host = new LocalFunctionsHost(
                new LocalHostOptions { ScriptRoot = repositoryRoot, HandlerUrl = handlerUrl, StorageConnectionString = azurite.ConnectionString },
                TimeProvider.System,
                loggers);
            await host.StartAsync(cancellationToken);
            return new LocalDeployment(azurite, handler, host);
        }
        catch
        {
            if (handler is not null)
            {
                await handler.DisposeAsync();
            }

            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await _handler.StopAsync(CancellationToken.None);
        await _handler.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
