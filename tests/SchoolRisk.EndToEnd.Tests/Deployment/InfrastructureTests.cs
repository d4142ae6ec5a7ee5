using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.LocalHost;
using SchoolRisk.Storage;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Deployment;

/// <summary>
/// <c>infra/</c> checked with the Bicep CLI from its NuGet package: every file builds and lints with no warning, and the
/// template creates every container, queue and table the app uses and subscribes the containers the local host does,
/// and the Service Bus topic of notices with its subscriptions and role assignments as the app expects them.
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

        var account = template.RootElement.GetProperty("resources").EnumerateObject()
            .Single(resource => resource.Value.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts").Value;

        Assert.True(account.GetProperty("properties").GetProperty("isHnsEnabled").GetBoolean());
        Assert.False(account.GetProperty("properties").GetProperty("allowSharedKeyAccess").GetBoolean());
    }

    [Fact]
    public async Task BlobService_LetsOnlyTheAppsOwnAddressPutFilesWithAnUploadLink_WithTheHeadersTheLocalStackAllows()
    {
        var build = await RunAsync("build", "main.bicep", "--stdout");
        using var template = JsonDocument.Parse(build.Output);

        var rule = Assert.Single(template.RootElement.GetProperty("resources").GetProperty("blobService")
            .GetProperty("properties").GetProperty("cors").GetProperty("corsRules").EnumerateArray());
        string[] Values(string name) => [.. rule.GetProperty(name).EnumerateArray().Select(value => value.GetString()!)];

        Assert.Equal(["PUT", "OPTIONS"], Values("allowedMethods"));
        Assert.Equal(UploadCors.AllowedHeaders.Split(','), Values("allowedHeaders"));
        Assert.Contains("defaultHostName", Assert.Single(Values("allowedOrigins")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceBus_TheTopicOfNoticesDropsDuplicates_EachSubscriptionKeepsItsRecipients_AndEachIdentityHasOnlyItsPart()
    {
        var build = await RunAsync("build", "main.bicep", "--stdout");
        using var template = JsonDocument.Parse(build.Output);
        var resources = template.RootElement.GetProperty("resources");
        var variables = template.RootElement.GetProperty("variables");
        var roles = variables.GetProperty("roles");
        var options = new NoticeTopicOptions();
        string RoleOf(JsonElement assignment) => assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;

        var bus = resources.GetProperty("bus");
        Assert.Equal("Standard", bus.GetProperty("sku").GetProperty("name").GetString());
        Assert.True(bus.GetProperty("properties").GetProperty("disableLocalAuth").GetBoolean());
        Assert.Equal(options.Topic, variables.GetProperty("noticeTopicName").GetString());
        Assert.True(resources.GetProperty("noticeTopic").GetProperty("properties").GetProperty("requiresDuplicateDetection").GetBoolean());
        var subscription = variables.GetProperty("noticeSubscription");
        Assert.Equal((System.Xml.XmlConvert.ToString(options.LockDuration), options.MaxDeliveryCount), (subscription.GetProperty("lockDuration").GetString(), subscription.GetProperty("maxDeliveryCount").GetInt32()));

        // The committee's subscription keeps only the committee's messages: its $Default rule is the correlation filter.
        var committee = resources.GetProperty("committeeFilter");
        Assert.Contains($"'{NoticeSubscription.NameOf(RecipientDirectory.Committee)}', '$Default'", committee.GetProperty("name").GetString(), StringComparison.Ordinal);
        var filter = committee.GetProperty("properties").GetProperty("correlationFilter").GetProperty("properties");
        Assert.Equal(RecipientDirectory.Committee, filter.GetProperty(NoticeSubscription.RecipientProperty).GetString());
        var reader = resources.GetProperty("readerFilters").GetProperty("properties").GetProperty("correlationFilter").GetProperty("properties");
        Assert.Equal("[parameters('noticeReaders')[copyIndex()].municipality]", reader.GetProperty(NoticeSubscription.RecipientProperty).GetString());

        // The app sends and manages subscriptions of this topic only; a municipality's reader receives from its subscription only.
        var appRoles = resources.GetProperty("appBusRoles");
        Assert.Equal("[resourceId('Microsoft.ServiceBus/namespaces/topics', parameters('serviceBusNamespaceName'), variables('noticeTopicName'))]", appRoles.GetProperty("scope").GetString());
        Assert.Contains("variables('roles').serviceBusDataSender", appRoles.GetProperty("copy").GetProperty("count").GetString(), StringComparison.Ordinal);
        var readerRoles = resources.GetProperty("readerRoles");
        Assert.StartsWith("[resourceId('Microsoft.ServiceBus/namespaces/topics/subscriptions',", readerRoles.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Contains("variables('roles').serviceBusDataReceiver", RoleOf(readerRoles), StringComparison.Ordinal);
        Assert.Equal("4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", roles.GetProperty("serviceBusDataReceiver").GetString());
        Assert.Equal("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", roles.GetProperty("serviceBusDataSender").GetString());

        // The app reaches the namespace with its identity: no connection string, no key.
        var settings = resources.GetProperty("app").GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .Select(setting => setting.GetProperty("name").GetString()).ToList();
        Assert.Contains($"{ServiceBusRegistration.ConnectionName}__fullyQualifiedNamespace", settings);
        Assert.DoesNotContain(ServiceBusRegistration.ConnectionName, settings);
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
