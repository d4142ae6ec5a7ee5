using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Functions.Queues;

/// <summary>What a queue-triggered invocation knows beyond its message: the trigger metadata, and the period a message names.</summary>
public static class QueueTriggerData
{
    /// <summary>Which delivery of its message this invocation is (1 for the first), from the trigger metadata <c>DequeueCount</c>; 1 when absent.</summary>
    public static int DequeueCount(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.BindingContext.BindingData.TryGetValue("DequeueCount", out var value)
            && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : 1;
    }

    /// <summary>
    /// The period <paramref name="message"/> names. A period that is not one like 2023-2024 never gets here: the message
    /// does not read (<see cref="System.Text.Json.JsonException"/> in the worker's binding, as for a message that is not
    /// JSON), the invocation fails, and the queue retries the message, then poisons it.
    /// </summary>
    /// <exception cref="FormatException">It names no period at all (<c>default</c>): the message is retried, then poisoned with this reason.</exception>
    public static Period PeriodOf(IPeriodMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Period != default
            ? message.Period
            : throw new FormatException("The message names no period like 2023-2024.");
    }
}
