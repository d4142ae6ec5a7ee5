using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolRisk.Cli;
using SchoolRisk.LocalHost;
using SchoolRisk.Storage.Registry;

namespace SchoolRisk.Testing;

/// <summary>
/// Starts this repository's workflow (host.json, functions.metadata, rules) on an empty storage account of the test
/// process's shared Azurite (<see cref="SharedAzurite"/>), or on an Azurite of its own with its data in a folder, with a
/// school registry and the sample recipients directory written.
/// </summary>
public static class TestDeployment
{
    public static string RepositoryRoot { get; } = RepositoryLayout.FindRoot();

    /// <param name="registry">The registry CSV; default the sample region's.</param>
    /// <param name="appSettings">Further app settings of the handler.</param>
    /// <param name="azuriteData">
    /// A data folder for an Azurite of the deployment's own, for data that must survive stopping it
    /// (<see cref="LocalDeployment.Azurite"/>); default an account of the shared in-memory one.
    /// </param>
    /// <param name="logs">Where the local host's logs go, the handler's lines among them at information level; default nowhere.</param>
    public static async Task<LocalDeployment> StartAsync(
        Stream? registry = null, IReadOnlyDictionary<string, string>? appSettings = null, string? azuriteData = null, ILoggerFactory? logs = null)
    {
        var deployment = await LocalDeployment.StartAsync(
            RepositoryRoot, azuriteData, logs is null ? LogLevel.Error : LogLevel.Information, logs ?? NullLoggerFactory.Instance, CancellationToken.None, appSettings,
            azuriteData is null ? await SharedAzurite.TakeAccountAsync() : null);
        await using var content = registry ?? File.OpenRead(Path.Combine(RepositoryRoot, "samples", "registry", "schools.csv"));
        await new SchoolRegistryBlob(deployment.Storage).UploadAsync(content);
        await using var recipients = File.OpenRead(Path.Combine(RepositoryRoot, "samples", "registry", "recipients.csv"));
        await new RecipientListBlob(deployment.Storage).UploadAsync(recipients);
        return deployment;
    }

    /// <summary>A registry of one municipality with <paramref name="schools"/> schools, <c>{municipality}-00001</c> and on.</summary>
    public static Stream RegistryOfOne(string municipality, int schools)
    {
        var registry = new StringBuilder("school_id,school_name,municipality_id,level,settlement,remote,enrolment\n");
        for (var n = 1; n <= schools; n++)
        {
            registry.Append(CultureInfo.InvariantCulture, $"{municipality}-{n:00000},Школа {n},{municipality},secondary,urban,no,500\n");
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(registry.ToString()));
    }
}
