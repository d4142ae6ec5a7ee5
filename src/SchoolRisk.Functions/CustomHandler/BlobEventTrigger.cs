using System.Diagnostics.CodeAnalysis;
using SchoolRisk.Storage.Events;

namespace SchoolRisk.Functions.CustomHandler;

/// <summary>Reads a queue trigger that carries an Event Grid BlobCreated event for one container.</summary>
public static class BlobEventTrigger
{
    /// <summary>
    /// The event's blob when it is a BlobCreated event for <paramref name="container"/>; otherwise <paramref name="answer"/>
    /// is what the function returns: a failure for a message that is not an event (retried, then poisoned), success for
    /// an event of another kind or container (nothing to do).
    /// </summary>
    public static bool TryRead(
        InvocationRequest request, string binding, string container, [NotNullWhen(true)] out BlobCreatedEvent? blobEvent, [NotNullWhen(false)] out IResult? answer)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            blobEvent = BlobCreatedEventParser.Parse(request.TextOf(binding) ?? string.Empty);
        }
        catch (FormatException exception)
        {
            (blobEvent, answer) = (null, FunctionJson.Failed(InvocationResponse.Log(exception.Message)));
            return false;
        }

        if (blobEvent is null || blobEvent.Container != container)
        {
            (blobEvent, answer) = (null, FunctionJson.Ok(InvocationResponse.Log($"Not a BlobCreated event for the {container} container: ignored.")));
            return false;
        }

        answer = null;
        return true;
    }
}
