using System.Reflection;
using SchoolRisk.Testing;

namespace SchoolRisk.LocalHost.Tests.Support;

/// <summary>
/// The local host running the contract worker (tests/SchoolRisk.LocalHost.ContractWorker, from its build output)
/// against a test's Azurite, its logs kept in <see cref="Logs"/>; disposing it stops the host and its worker.
/// </summary>
public sealed class ContractHost : IAsyncDisposable
{
    private readonly Microsoft.Extensions.Logging.ILoggerFactory _loggers;

    private ContractHost(LocalFunctionsHost host, LogCapture logs, Microsoft.Extensions.Logging.ILoggerFactory loggers)
    {
        Host = host;
        Logs = logs;
        _loggers = loggers;
    }

    /// <summary>The contract worker's build output: host.json, worker.config.json, functions.metadata, the assembly.</summary>
    public static string AppFolder { get; } = typeof(ContractHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "ContractWorkerPath").Value!;

    public LocalFunctionsHost Host { get; }

    public LogCapture Logs { get; }

    /// <param name="storageConnectionString">The account (Azurite).</param>
    /// <param name="settings">App settings beyond the contract worker's own (<c>StringOutQueue</c>, <c>CopyFolder</c>), <c>AzureFunctionsJobHost__*</c> overrides among them.</param>
    /// <param name="configure">Changes to the options, such as the Event Grid subscriptions.</param>
    public static async Task<ContractHost> StartAsync(
        string storageConnectionString, IReadOnlyDictionary<string, string>? settings = null, Action<LocalHostOptions>? configure = null)
    {
        var options = new LocalHostOptions { ScriptRoot = AppFolder, StorageConnectionString = storageConnectionString };
        options.AppSettings["StringOutQueue"] = "string-out";
        options.AppSettings["CopyFolder"] = "copies";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            options.AppSettings[name] = value;
        }

        options.Subscriptions.Clear();
        configure?.Invoke(options);
        var logs = new LogCapture();
        var loggers = logs.CreateFactory();
        var host = new LocalFunctionsHost(options, TimeProvider.System, loggers);
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            host.Dispose();
            loggers.Dispose();
            throw;
        }

        return new ContractHost(host, logs, loggers);
    }

    /// <summary>Waits for a log entry that satisfies <paramref name="holds"/>.</summary>
    public async Task<LogEntry> LogAsync(Func<LogEntry, bool> holds, string what) =>
        (await Poll.UntilAsync(() => Task.FromResult(Logs.Entries.FirstOrDefault(holds)), entry => entry is not null, what))!;

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
        _loggers.Dispose();
    }
}
