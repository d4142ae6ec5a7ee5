using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace SchoolRisk.LocalHost.Metadata;

/// <summary>
/// <c>functions.metadata</c>, which the Worker SDK writes to the build output: what the host loads when the worker
/// answers the metadata request with <c>use_default_metadata_indexing</c> (host indexing). Function ids are the host's
/// to choose; here <c>file-{name}</c>. Each binding becomes a <c>raw_bindings</c> entry and a <c>BindingInfo</c>, as
/// <c>GrpcWorkerChannel.ProcessFunctionMetadataResponses</c> and the host's metadata provider build them.
/// </summary>
internal static class FunctionsMetadataFile
{
    public const string FileName = "functions.metadata";

    /// <exception cref="InvalidOperationException">The file is missing.</exception>
    public static IReadOnlyList<RpcFunctionMetadata> Read(string appFolder)
    {
        var path = Path.Combine(appFolder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The worker asked the host to index the functions, and '{path}' does not exist.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(Function)];
    }

    private static RpcFunctionMetadata Function(JsonElement entry)
    {
        var name = entry.GetProperty("name").GetString()!;
        var metadata = new RpcFunctionMetadata
        {
            Name = name,
            FunctionId = $"file-{name}",
            ScriptFile = Text(entry, "scriptFile") ?? string.Empty,
            EntryPoint = Text(entry, "entryPoint") ?? string.Empty,
            Language = Text(entry, "language") ?? "dotnet-isolated",
        };
        foreach (var binding in entry.GetProperty("bindings").EnumerateArray())
        {
            var json = binding.GetRawText();
            var descriptor = BindingDescriptor.Parse(json, name);
            metadata.RawBindings.Add(json);
            metadata.Bindings[descriptor.Name] = new BindingInfo
            {
                Type = descriptor.Type,
                Direction = descriptor.Direction.ToUpperInvariant() switch
                {
                    "OUT" => BindingInfo.Types.Direction.Out,
                    "INOUT" => BindingInfo.Types.Direction.Inout,
                    _ => BindingInfo.Types.Direction.In,
                },
                DataType = descriptor.DataType?.ToUpperInvariant() switch
                {
                    "STRING" => BindingInfo.Types.DataType.String,
                    "BINARY" => BindingInfo.Types.DataType.Binary,
                    "STREAM" => BindingInfo.Types.DataType.Stream,
                    _ => BindingInfo.Types.DataType.Undefined,
                },
            };
            if (binding.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject().Where(property => property.Value.ValueKind == JsonValueKind.String))
                {
                    metadata.Bindings[descriptor.Name].Properties[property.Name] = property.Value.GetString();
                }
            }
        }

        return metadata;
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
