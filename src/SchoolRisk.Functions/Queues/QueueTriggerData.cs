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

    /// <summary>The period <paramref name="message"/> names.</summary>
    /// <exception cref="FormatException">It names no period like 2023-2024: the message is retried, then poisoned with this reason.</exception>
    public static Period PeriodOf(IPeriodMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Period.TryParse(message.Period, out var period)
            ? period
            : throw new FormatException($"The message names '{message.Period}', not a period like 2023-2024.");
    }
}
