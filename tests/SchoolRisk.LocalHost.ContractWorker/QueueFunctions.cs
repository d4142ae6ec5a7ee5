using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.ContractWorker;

/// <summary>A queue message bound as a POCO (the worker deserializes its JSON).</summary>
public sealed record Order(string Id, int Quantity);

/// <summary>What <see cref="QueueFunctions.TypedQueue"/> writes: the order and the trigger metadata it was given.</summary>
public sealed record Receipt(string Id, int Quantity, int DequeueCount, string MessageId, string QueueTrigger);

/// <summary>A notice as the product logs it: its fields are logged in a scope.</summary>
public sealed record Notice(string NoticeId, string UploadId, string MunicipalityId, string RuleSetVersion, string Recipient);

/// <summary>Queue-triggered functions: typed and string messages, a <c>$return</c> queue output, failures, cancellation, logs.</summary>
public sealed class QueueFunctions
{
    /// <summary>A POCO message in, a POCO (its JSON) out on <c>$return</c>; echoes the trigger metadata.</summary>
    [Function(nameof(TypedQueue))]
    [QueueOutput("typed-out")]
    public static Receipt TypedQueue([QueueTrigger("typed-in")] Order order, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(context);
        return new Receipt(order.Id, order.Quantity, DequeueCount(context), Metadata(context, "Id"), Metadata(context, "QueueTrigger"));
    }

    /// <summary>A string message in, a string out on a queue named by an app setting (<c>%StringOutQueue%</c>, resolved by the host).</summary>
    [Function(nameof(StringQueue))]
    [QueueOutput("%StringOutQueue%")]
    public static string StringQueue([QueueTrigger("string-in")] string text) => $"echo:{text}";

    /// <summary>Always fails: the message is retried, then moved to <c>throw-in-poison</c>.</summary>
    [Function(nameof(Throws))]
    public static void Throws([QueueTrigger("throw-in")] string text, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.GetLogger(nameof(Throws)).LogWarning("Refusing {Text} on delivery {DequeueCount}", text, DequeueCount(context));
        throw new InvalidOperationException($"Refused '{text}'.");
    }

    /// <summary>
    /// On a message's first delivery, waits on its cancellation token until the host cancels it (function timeout) or
    /// the worker dies; on a later delivery answers <c>{text}:{dequeueCount}</c> at once.
    /// </summary>
    [Function(nameof(Hold))]
    [QueueOutput("hold-out")]
    public static async Task<string> Hold([QueueTrigger("hold-in")] string text, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.GetLogger(nameof(Hold));
        var delivery = DequeueCount(context);
        if (delivery == 1)
        {
            logger.LogInformation("Holding {Text}", text);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("Hold of {Text} cancelled", text);
                throw;
            }
        }

        return $"{text}:{delivery}";
    }

    /// <summary>Logs the delivery, takes three seconds over it, then answers <c>{text}:{dequeueCount}</c>: longer than a short queue message lease.</summary>
    [Function(nameof(Linger))]
    [QueueOutput("linger-out")]
    public static async Task<string> Linger([QueueTrigger("linger-in")] string text, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.GetLogger(nameof(Linger)).LogInformation("Lingering over {Text} on delivery {DequeueCount}", text, DequeueCount(context));
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        return $"{text}:{DequeueCount(context)}";
    }

    /// <summary>Logs the notice's delivery in a scope of its upload, municipality and rule set version, as the product does.</summary>
    [Function(nameof(Scoped))]
    public static void Scoped([QueueTrigger("scoped-in")] Notice notice, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.GetLogger(nameof(Scoped));
        using (logger.BeginScope(new Dictionary<string, object>
        {
            ["UploadId"] = notice.UploadId,
            ["MunicipalityId"] = notice.MunicipalityId,
            ["RuleSetVersion"] = notice.RuleSetVersion,
        }))
        {
            logger.LogInformation("Notice {NoticeId} sent to {Recipient}", notice.NoticeId, notice.Recipient);
        }
    }

    internal static int DequeueCount(FunctionContext context) => int.Parse(Metadata(context, "DequeueCount"), CultureInfo.InvariantCulture);

    private static string Metadata(FunctionContext context, string name) =>
        context.BindingContext.BindingData.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;
}
