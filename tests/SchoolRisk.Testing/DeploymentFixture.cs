using SchoolRisk.Cli;

namespace SchoolRisk.Testing;

/// <summary>One deployment of the workflow, with the sample registry, shared by the tests of a class.</summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    private LocalDeployment? _deployment;

    public LocalDeployment Deployment => _deployment ?? throw new InvalidOperationException("The deployment is not started.");

    public async ValueTask InitializeAsync() => _deployment = await TestDeployment.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }
}
