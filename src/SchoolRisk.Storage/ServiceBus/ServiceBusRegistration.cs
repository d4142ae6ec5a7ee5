using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SchoolRisk.Storage.ServiceBus;

/// <summary>
/// The Service Bus connection, read as the Functions host reads a connection setting: either a connection string
/// (<c>ServiceBus</c>; locally the local host's broker) or an identity-based connection
/// (<c>ServiceBus__fullyQualifiedNamespace</c>, as in Azure: the app's managed identity, the user-assigned one named by
/// <c>ServiceBus__clientId</c> or else the system-assigned one; no key anywhere). Neither set: notices are not
/// published, and the other channels work as before.
/// </summary>
public static class ServiceBusRegistration
{
    /// <summary>The connection setting.</summary>
    public const string ConnectionName = "ServiceBus";

    /// <summary>Whether <paramref name="configuration"/> names a Service Bus namespace to publish to.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = configuration.GetSection(ConnectionName);
        return !string.IsNullOrWhiteSpace(connection.Value) || !string.IsNullOrWhiteSpace(connection["fullyQualifiedNamespace"]);
    }

    /// <summary>
    /// Registers <see cref="NoticeTopic"/> over the connection, with <see cref="NoticeTopicOptions"/> from the options
    /// the app binds. No request is made until the first publish.
    /// </summary>
    /// <exception cref="InvalidOperationException">No connection is configured (<see cref="IsConfigured"/>).</exception>
    public static IServiceCollection AddNoticeTopic(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsConfigured(configuration))
        {
            throw new InvalidOperationException($"No Service Bus connection: set {ConnectionName} or {ConnectionName}__fullyQualifiedNamespace.");
        }

        var connection = configuration.GetSection(ConnectionName);
        return services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<NoticeTopicOptions>>().Value;
            return connection.Value is { Length: > 0 } connectionString
                ? NoticeTopic.Connect(connectionString, options)
                : NoticeTopic.Connect(
                    connection["fullyQualifiedNamespace"]!,
                    new ManagedIdentityCredential(connection["clientId"] is { } clientId ? ManagedIdentityId.FromUserAssignedClientId(clientId) : ManagedIdentityId.SystemAssigned),
                    options);
        });
    }
}
