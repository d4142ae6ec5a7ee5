using SchoolRisk.LocalHost;
using SchoolRisk.LocalHost.Azurite;
using SchoolRisk.Storage;

namespace SchoolRisk.Testing;

/// <summary>A fresh in-memory Azurite on free ports for one test class.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite is not started.");

    public StorageAccount Storage => new(new StorageOptions { ConnectionString = Server.ConnectionString });

    public async ValueTask InitializeAsync() =>
        _server = await AzuriteServer.StartAsync(new AzuriteOptions { RepositoryRoot = RepositoryLayout.FindRoot() });

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
