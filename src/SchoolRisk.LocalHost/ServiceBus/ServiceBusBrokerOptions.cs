using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>Settings of the local Service Bus broker (<see cref="ServiceBusBroker"/>); checked when it starts.</summary>
public sealed class ServiceBusBrokerOptions
{
    /// <summary>The loopback port of both AMQP and the management API; <c>null</c> (the default) picks a free one.</summary>
    public int? Port { get; set; }

    /// <summary>The name of the namespace's shared access key, as Service Bus names its root key.</summary>
    public string SharedAccessKeyName { get; set; } = "RootManageSharedAccessKey";

    /// <summary>The namespace's shared access key; by default 32 random bytes in base64, new for each options object.</summary>
    public string SharedAccessKey { get; set; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Where entities, messages, sequence numbers and the duplicate detection history are kept (a journal, written
    /// before each change is acknowledged, read back at start); <c>null</c> (the default) keeps them in memory only.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The largest transfer (a message or a batch), in bytes, told to senders as the link's <c>max-message-size</c>
    /// and enforced: 256 KiB, the Standard tier's limit (Service Bus quotas, "Message size").
    /// </summary>
    public int MaxMessageSizeBytes { get; set; } = 256 * 1024;

    /// <summary>Where the broker logs entities created, messages accepted or dropped, and dead-lettering.</summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>The clock of enqueued times, locks, token expiry and duplicate detection.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "A TCP port is between 0 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(SharedAccessKeyName) || string.IsNullOrWhiteSpace(SharedAccessKey))
        {
            throw new ArgumentException("The shared access key and its name must not be empty.", nameof(SharedAccessKey));
        }

        if (MaxMessageSizeBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageSizeBytes), MaxMessageSizeBytes, "The maximum message size must be positive.");
        }
    }
}
