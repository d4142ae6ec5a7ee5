using System.Text.Json;
using Google.Protobuf;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using SchoolRisk.LocalHost.Configuration;
using SchoolRisk.LocalHost.Metadata;

namespace SchoolRisk.LocalHost.Bindings;

/// <summary>
/// A blob input, sent as the Functions host sends SDK-bindable data (deferred binding; the Worker SDK marks every blob
/// input <c>supportsDeferredBinding</c>): a <c>ModelBindingData</c> with source <c>AzureStorageBlobs</c>, content
/// type <c>application/json</c> and content <c>{"Connection","ContainerName","BlobName"}</c>, the path resolved by the
/// host. The worker reads the blob itself (<c>BlobStorageConverter</c> in Worker.Extensions.Storage.Blobs), with the
/// connection setting of that name from its own configuration.
/// </summary>
internal static class BlobInputBinding
{
    public const string Source = "AzureStorageBlobs";

    public const string ContentType = "application/json";

    /// <exception cref="InvalidOperationException">An expression names no value, or the path is malformed.</exception>
    public static ParameterBinding Create(BindingDescriptor binding, BindingData data, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var path = BlobPath.Parse(BindingExpression.Resolve(binding.BlobPath ?? string.Empty, data, time));
        var content = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["Connection"] = string.IsNullOrEmpty(binding.Connection) ? AppSettings.DefaultConnection : binding.Connection,
            ["ContainerName"] = path.Container,
            ["BlobName"] = path.Name,
        });
        return new ParameterBinding
        {
            Name = binding.Name,
            Data = new TypedData
            {
                ModelBindingData = new ModelBindingData { Version = "1.0", Source = Source, ContentType = ContentType, Content = ByteString.CopyFrom(content) },
            },
        };
    }
}
