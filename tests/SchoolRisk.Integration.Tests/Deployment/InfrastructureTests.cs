using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using SchoolRisk.Integration.Tests.Support;
using SchoolRisk.LocalHost;
using SchoolRisk.Storage;

namespace SchoolRisk.Integration.Tests.Deployment;

/// <summary>
/// <c>infra/</c> checked with the Bicep CLI from its NuGet package: every file builds and lints with no warning, and the
/// template creates every container, queue and table the app uses and subscribes the containers the local host does.
/// </summary>
public sealed class InfrastructureTests
{
    private static readonly string Infra = Path.Combine(TestDeployment.RepositoryRoot, "infra");

    private static readonly string Bicep = typeof(InfrastructureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BicepPath").Value!;

    public static TheoryData<string> BicepFiles() =>
        [.. Directory.EnumerateFiles(Infra, "*.bicep*").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task BicepFile_BuildsAndLints_WithNoWarning(string file)
    {
        var build = await RunAsync(file.EndsWith(".bicepparam", StringComparison.Ordinal) ? "build-params" : "build", file, "--stdout");
        var lint = await RunAsync("lint", file);

        Assert.Equal(0, build.ExitCode);
        Assert.Equal(0, lint.ExitCode);
        Assert.Equal(string.Empty, build.Diagnostics + lint.Diagnostics + lint.Output);
    }

    [Fact]
    public async Task Template_CreatesEveryContainerQueueAndTableTheAppUses_AndSubscribesWhatTheLocalHostSubscribes()
    {
        var build = await RunAsync("build", "main.bicep", "--stdout");
        using var template = JsonDocument.Parse(build.Output);
        var variables = template.RootElement.GetProperty("variables");
        string[] Names(string variable) => [.. variables.GetProperty(variable).EnumerateArray().Select(name => name.GetString()!)];
        var options = new StorageOptions();
        string[] Used(string suffix) => [.. typeof(StorageOptions).GetProperties()
            .Where(property => property.Name.EndsWith(suffix, StringComparison.Ordinal) && property.PropertyType == typeof(string))
            .Select(property => (string)property.GetValue(options)!)];
        var bindings = FunctionAppFiles.Bindings();
        var functionQueues = bindings.Select(binding => binding.QueueName).OfType<string>().ToList();
        var triggerQueues = bindings.Where(binding => binding.Type == "queueTrigger").Select(binding => binding.QueueName!).ToList();

        Assert.Subset(Names("containers").ToHashSet(), Used("Container").ToHashSet());
        Assert.Subset(Names("tables").ToHashSet(), Used("Table").ToHashSet());
        Assert.Subset(Names("queues").ToHashSet(), functionQueues.Concat(triggerQueues.Select(queue => $"{queue}-poison")).Concat(Used("Queue")).ToHashSet());
        Assert.Equal(
            new LocalHostOptions().Subscriptions.Select(subscription => (subscription.Container, subscription.Queue)).Order(),
            variables.GetProperty("subscriptions").EnumerateArray().Select(s => (s.GetProperty("container").GetString()!, s.GetProperty("queue").GetString()!)).Order());
    }

    [Fact]
    public async Task StorageAccount_HasAHierarchicalNamespace_SoUploadAccessCanBeADirectorySas()
    {
        var build = await RunAsync("build", "main.bicep", "--stdout");
        using var template = JsonDocument.Parse(build.Output);

        var account = template.RootElement.GetProperty("resources").EnumerateArray()
            .Single(resource => resource.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts");

        Assert.True(account.GetProperty("properties").GetProperty("isHnsEnabled").GetBoolean());
        Assert.False(account.GetProperty("properties").GetProperty("allowSharedKeyAccess").GetBoolean());
    }

    private static async Task<(int ExitCode, string Output, string Diagnostics)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Bicep) { WorkingDirectory = Infra, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var diagnostics = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await diagnostics);
    }
}
