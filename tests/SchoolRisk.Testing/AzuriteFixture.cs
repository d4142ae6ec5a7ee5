using SchoolRisk.Storage;

namespace SchoolRisk.Testing;

/// <summary>An empty storage account of its own for one test class, on the test process's shared Azurite (<see cref="SharedAzurite"/>).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>The account's connection string.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The account is not taken yet.");

    public StorageAccount Storage => new(new StorageOptions { ConnectionString = ConnectionString });

    public async ValueTask InitializeAsync() => _connectionString = await SharedAzurite.TakeAccountAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
