using SchoolRisk.LocalHost;
using SchoolRisk.LocalHost.Azurite;

namespace SchoolRisk.Testing;

/// <summary>
/// One in-memory Azurite per test process, serving many storage accounts: each test class's storage
/// (<see cref="AzuriteFixture"/>) and each deployment (<see cref="TestDeployment"/>) takes an account no one else in the
/// process has had, so they share no data, only the emulator. The suite then starts one Azurite per test project
/// instead of one per class and deployment (some seventy, about 2 s of CPU each: docs/performance.md). A test that stops
/// the emulator (an outage) starts its own.
/// </summary>
public static class SharedAzurite
{
    /// <summary>Accounts per Azurite; another Azurite is started when they are all taken.</summary>
    private const int AccountsPerServer = 100;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteServer? _server;
    private static int _taken;

    /// <summary>The connection string of a storage account nobody else in this process has been given; empty.</summary>
    public static async Task<string> TakeAccountAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is null || _taken == _server.Accounts)
            {
                // An Azurite whose accounts are all taken keeps serving them; it stops when the test process ends.
                _server = await AzuriteServer.StartAsync(new AzuriteOptions { RepositoryRoot = RepositoryLayout.FindRoot(), Accounts = AccountsPerServer });
                _taken = 0;
            }

            return _server.ConnectionStringOf(_taken++);
        }
        finally
        {
            Gate.Release();
        }
    }
}
