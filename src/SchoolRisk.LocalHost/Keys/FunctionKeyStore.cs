using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SchoolRisk.LocalHost.Keys;

/// <summary>
/// The function app's keys, kept where and as the Functions host keeps them in blob storage: container
/// <c>azure-webjobs-secrets</c>, blob <c>{hostId}/host.json</c> (the master key and host keys, which open every
/// function) and <c>{hostId}/{function}.json</c> (one function's keys), unencrypted. Like the host, it creates a master
/// key and a <c>default</c> key of each kind on first start.
/// </summary>
public sealed class FunctionKeyStore(BlobServiceClient blobs, string hostId)
{
    public const string Container = "azure-webjobs-secrets";

    public const string MasterKeyName = "master";

    public const string DefaultKeyName = "default";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(Container);

    public async Task InitializeAsync(IEnumerable<string> functionNames, CancellationToken cancellationToken = default)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await CreateIfMissingAsync(HostBlob, new HostSecrets(NewKey(MasterKeyName), [NewKey(DefaultKeyName)]), cancellationToken);
        foreach (var function in functionNames)
        {
            await CreateIfMissingAsync(FunctionBlob(function), new FunctionSecrets([NewKey(DefaultKeyName)]), cancellationToken);
        }
    }

    /// <summary>
    /// Adds or replaces the key <paramref name="name"/> of <paramref name="function"/> (of the host when <c>null</c>) with
    /// <paramref name="value"/> (<c>null</c> generates one); returns the value.
    /// </summary>
    public async Task<string> SetAsync(string? function, string name, string? value = null, CancellationToken cancellationToken = default)
    {
        var key = value is null ? NewKey(name) : new FunctionKey(name, value);
        if (function is null)
        {
            await UpdateAsync<HostSecrets>(
                HostBlob, secrets => secrets with { FunctionKeys = [.. secrets.FunctionKeys.Where(other => other.Name != name), key] },
                () => new HostSecrets(NewKey(MasterKeyName), [key]), cancellationToken);
        }
        else
        {
            await UpdateAsync<FunctionSecrets>(
                FunctionBlob(function), secrets => secrets with { Keys = [.. secrets.Keys.Where(other => other.Name != name), key] },
                () => new FunctionSecrets([key]), cancellationToken);
        }

        return key.Value;
    }

    /// <summary>The value of a key, or <c>null</c> when there is none of that name.</summary>
    public async Task<string?> GetAsync(string? function, string name, CancellationToken cancellationToken = default)
    {
        if (function is null)
        {
            var host = await ReadAsync<HostSecrets>(HostBlob, cancellationToken);
            return name == MasterKeyName ? host?.MasterKey.Value : host?.FunctionKeys.FirstOrDefault(key => key.Name == name)?.Value;
        }

        return (await ReadAsync<FunctionSecrets>(FunctionBlob(function), cancellationToken))?.Keys.FirstOrDefault(key => key.Name == name)?.Value;
    }

    /// <summary>
    /// What <paramref name="presented"/> opens on <paramref name="function"/>: the master key grants <c>Admin</c>; for a
    /// function-level route, one of the function's keys or a host key grants <c>Function</c>. <c>null</c>: refused.
    /// </summary>
    public async Task<KeyGrant?> CheckAsync(string function, string? presented, bool adminOnly, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var host = await ReadAsync<HostSecrets>(HostBlob, cancellationToken);
        if (host is not null && Matches(host.MasterKey, presented))
        {
            return new KeyGrant("Admin", MasterKeyName);
        }

        if (adminOnly)
        {
            return null;
        }

        var own = await ReadAsync<FunctionSecrets>(FunctionBlob(function), cancellationToken);
        var match = own?.Keys.FirstOrDefault(key => Matches(key, presented)) ?? host?.FunctionKeys.FirstOrDefault(key => Matches(key, presented));
        return match is null ? null : new KeyGrant("Function", match.Name);
    }

    private string HostBlob => $"{hostId}/host.json";

    private string FunctionBlob(string function) => $"{hostId}/{function.ToLowerInvariant()}.json";

    private static bool Matches(FunctionKey key, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key.Value), Encoding.UTF8.GetBytes(presented));

    private static FunctionKey NewKey(string name) =>
        new(name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(40)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    private async Task<T?> ReadAsync<T>(string blobName, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var content = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<T>(Json);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    private async Task CreateIfMissingAsync<T>(string blobName, T secrets, CancellationToken cancellationToken)
    {
        try
        {
            await _container.GetBlobClient(blobName).UploadAsync(
                BinaryData.FromObjectAsJson(secrets, Json), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // The keys exist already: they stay as they are.
        }
    }

    /// <summary>Read-modify-write under the blob's ETag, retried when another writer came first.</summary>
    private async Task UpdateAsync<T>(string blobName, Func<T, T> change, Func<T> create, CancellationToken cancellationToken)
        where T : class
    {
        var blob = _container.GetBlobClient(blobName);
        while (true)
        {
            BlobRequestConditions conditions;
            T updated;
            try
            {
                var current = await blob.DownloadContentAsync(cancellationToken);
                updated = change(current.Value.Content.ToObjectFromJson<T>(Json)!);
                conditions = new BlobRequestConditions { IfMatch = current.Value.Details.ETag };
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                updated = create();
                conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
            }

            try
            {
                await blob.UploadAsync(BinaryData.FromObjectAsJson(updated, Json), new BlobUploadOptions { Conditions = conditions }, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another writer changed the keys between our read and write: read again.
            }
        }
    }

    private sealed record HostSecrets(FunctionKey MasterKey, IReadOnlyList<FunctionKey> FunctionKeys);

    private sealed record FunctionSecrets(IReadOnlyList<FunctionKey> Keys);
}
