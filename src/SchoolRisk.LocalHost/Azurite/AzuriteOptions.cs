namespace SchoolRisk.LocalHost.Azurite;

/// <summary>How to start Azurite, the storage emulator installed by <c>npm ci</c> from the repository's <c>package.json</c>.</summary>
public sealed class AzuriteOptions
{
    /// <summary>The repository root, whose <c>node_modules</c> holds Azurite.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Folder for Azurite's data; <c>null</c> keeps everything in memory (tests).</summary>
    public string? Location { get; init; }

    /// <summary>
    /// How many storage accounts it serves, each with its own random key (<see cref="AzuriteServer.ConnectionStringOf"/>):
    /// the first is <see cref="AzuriteServer.AccountName"/>, the others <c>account1</c> and on. Default 1. Several give
    /// the tests one Azurite per test process, each test class or deployment on an account of its own.
    /// </summary>
    public int Accounts { get; init; } = 1;

    /// <summary>
    /// How long to wait for Azurite's three services to accept connections. Default 2 min, as long as a local deployment
    /// waits for its rules: on a loaded 2-core machine (the test suite's seven projects at once and more) a start has
    /// taken over 60 s.
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
