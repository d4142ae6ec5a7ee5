using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolRisk.Cli;
using SchoolRisk.LocalHost;
using SchoolRisk.Storage.Registry;

namespace SchoolRisk.Integration.Tests.Support;

/// <summary>The whole workflow of this repository (its host.json, function.json files and rules) on a fresh in-memory Azurite.</summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    private LocalDeployment? _deployment;

    public LocalDeployment Deployment => _deployment ?? throw new InvalidOperationException("The deployment is not started.");

    public string RepositoryRoot { get; } = RepositoryLayout.FindRoot();

    public async ValueTask InitializeAsync()
    {
        _deployment = await LocalDeployment.StartAsync(RepositoryRoot, null, LogLevel.Error, NullLoggerFactory.Instance, CancellationToken.None);
        await using var registry = File.OpenRead(Path.Combine(RepositoryRoot, "samples", "registry", "schools.csv"));
        await new RegistryStore(_deployment.Storage).UploadAsync(registry);
    }

    public async ValueTask DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }
}
