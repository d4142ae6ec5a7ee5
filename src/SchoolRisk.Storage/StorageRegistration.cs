using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SchoolRisk.Storage;

/// <summary>
/// Registers the storage account's clients with the Azure SDK's dependency-injection integration
/// (<c>Microsoft.Extensions.Azure</c>) from the <c>AzureWebJobsStorage</c> connection, read as the Functions host reads
/// it, and the <see cref="StorageAccount"/> over them. No request is made until a client is used.
/// </summary>
public static class StorageRegistration
{
    /// <summary>The connection setting the Functions host and the app share.</summary>
    public const string ConnectionName = "AzureWebJobsStorage";

    /// <summary>
    /// Either a connection string (<c>AzureWebJobsStorage</c>; locally Azurite's, default
    /// <c>UseDevelopmentStorage=true</c>) or an identity-based connection (<c>AzureWebJobsStorage__accountName</c>, as in
    /// Azure): the services at <c>https://{name}.{blob|queue|table}.core.windows.net</c> with the app's managed identity,
    /// the user-assigned one named by <c>AzureWebJobsStorage__clientId</c> or else the system-assigned one. Queues read and
    /// write message text as is (<c>host.json</c>'s <c>messageEncoding</c> is <c>none</c>, as Event Grid writes).
    /// </summary>
    public static IServiceCollection AddStorageAccount(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = configuration.GetSection(ConnectionName);
        var options = new StorageOptions { ConnectionString = connection.Value ?? new StorageOptions().ConnectionString, AccountName = connection["accountName"] };
        services.AddAzureClients(clients =>
        {
            if (options.AccountName is { } name)
            {
                clients.UseCredential(new ManagedIdentityCredential(connection["clientId"] is { } clientId
                    ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                    : ManagedIdentityId.SystemAssigned));
                clients.AddBlobServiceClient(new Uri($"https://{name}.blob.core.windows.net"));
                clients.AddQueueServiceClient(new Uri($"https://{name}.queue.core.windows.net")).ConfigureOptions(StorageAccount.ConfigureQueues);
                clients.AddTableServiceClient(new Uri($"https://{name}.table.core.windows.net"));
            }
            else
            {
                clients.AddBlobServiceClient(options.ConnectionString);
                clients.AddQueueServiceClient(options.ConnectionString).ConfigureOptions(StorageAccount.ConfigureQueues);
                clients.AddTableServiceClient(options.ConnectionString);
            }
        });
        return services.AddSingleton(provider => new StorageAccount(
            options, provider.GetRequiredService<BlobServiceClient>(), provider.GetRequiredService<QueueServiceClient>(), provider.GetRequiredService<TableServiceClient>()));
    }
}
