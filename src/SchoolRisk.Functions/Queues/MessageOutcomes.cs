using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;

namespace SchoolRisk.Functions.Queues;

/// <summary>Ends a queue-triggered invocation as its workflow's <see cref="MessageOutcome"/> says.</summary>
public static class MessageOutcomes
{
    /// <summary>Logs the outcome; when it asks for the message again, fails the invocation so that the queue retries it.</summary>
    /// <exception cref="RetryRequestedException">The outcome asks for a retry.</exception>
    public static void Complete(this MessageOutcome outcome, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Retry)
        {
            throw new RetryRequestedException(outcome.Log);
        }

        logger.LogInformation("{Outcome}", outcome.Log);
    }
}

/// <summary>
/// A workflow asked for its message again (a transient failure remains): the invocation fails with this reason, the
/// queue delivers the message again and, after its last delivery, moves it to the poison queue.
/// </summary>
public sealed class RetryRequestedException(string message) : Exception(message);
