using SchoolRisk.LocalHost.Metadata;
using SchoolRisk.LocalHost.Tests.Support;
using SchoolRisk.Testing;

namespace SchoolRisk.LocalHost.Tests.Metadata;

/// <summary>
/// The host's own reading of <c>functions.metadata</c> (used when a worker asks the host to index) gives the functions
/// and bindings the worker itself declares over gRPC; but for the data type of bindings other than the trigger, which the
/// file and the worker's generated metadata give differently (a blob output's <c>String</c> only in the file, a blob
/// input's only from the worker), and which the host reads only for a trigger.
/// </summary>
public sealed class FunctionsMetadataFileTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FunctionsMetadataFile_DescribesTheFunctionsTheWorkerIndexes()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);

        var fromFile = FunctionsMetadataFile.Read(ContractHost.AppFolder).Select(FunctionDescriptor.From).ToList();

        Assert.Equal(Describe(run.Host.Worker.LoadedFunctions), Describe(fromFile));
        Assert.All(fromFile, function => Assert.Equal($"file-{function.Name}", function.Id));
    }

    private static List<string> Describe(IEnumerable<FunctionDescriptor> functions) =>
        [.. functions
            .SelectMany(function => function.Bindings.Select(binding =>
                $"{function.Name} {function.Metadata.EntryPoint} {binding.Name} {binding.Type} {binding.Direction} {(binding.IsTrigger ? binding.DataType : null)} {binding.QueueName} {binding.BlobPath} {binding.Route} {string.Join(',', binding.Methods)} {binding.AuthLevel}"))
            .Order(StringComparer.Ordinal)];
}
