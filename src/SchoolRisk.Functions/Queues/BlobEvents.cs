using Microsoft.Extensions.Logging;
using SchoolRisk.Storage.Events;

namespace SchoolRisk.Functions.Queues;

/// <summary>Reads a queue message that carries an Event Grid BlobCreated event (as Event Grid writes one on a storage queue).</summary>
public static class BlobEvents
{
    /// <summary>
    /// The event's blob when it is a BlobCreated event for <paramref name="container"/>; <c>null</c> (logged, nothing to
    /// do) for an event of another kind or container.
    /// </summary>
    /// <exception cref="FormatException">The message is not an Event Grid event: the invocation fails, so the queue retries it and then poisons it.</exception>
    public static BlobCreatedEvent? CreatedIn(string message, string container, ILogger logger)
    {
        var created = BlobCreatedEventParser.Parse(message);
        if (created is null || created.Container != container)
        {
            logger.LogInformation("Not a BlobCreated event for the {Container} container: ignored", container);
            return null;
        }

        return created;
    }
}
