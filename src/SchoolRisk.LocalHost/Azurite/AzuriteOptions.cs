namespace SchoolRisk.LocalHost.Azurite;

/// <summary>How to start Azurite, the storage emulator installed by <c>npm ci</c> from the repository's <c>package.json</c>.</summary>
public sealed class AzuriteOptions
{
    /// <summary>The repository root, whose <c>node_modules</c> holds Azurite.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Folder for Azurite's data; <c>null</c> keeps everything in memory (tests).</summary>
    public string? Location { get; init; }

    /// <summary>How long to wait for Azurite's three services to accept connections. Default 60 s.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
