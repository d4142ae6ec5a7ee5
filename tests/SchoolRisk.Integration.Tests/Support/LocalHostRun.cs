using Microsoft.Extensions.Logging.Abstractions;
using SchoolRisk.LocalHost;

namespace SchoolRisk.Integration.Tests.Support;

/// <summary>A local host serving a test's script root against a <see cref="FakeHandler"/>; disposing it stops the host.</summary>
public sealed class LocalHostRun : IAsyncDisposable
{
    private LocalHostRun(LocalFunctionsHost host) => Host = host;

    public LocalFunctionsHost Host { get; }

    public static async Task<LocalHostRun> StartAsync(ScriptRoot root, FakeHandler handler, string storageConnectionString)
    {
        var host = new LocalFunctionsHost(
            new LocalHostOptions { ScriptRoot = root.Path, HandlerUrl = handler.Url, StorageConnectionString = storageConnectionString },
            TimeProvider.System,
            NullLoggerFactory.Instance);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new LocalHostRun(host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
    }
}
