using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Functions.Queues;

namespace SchoolRisk.Functions.Notices;

/// <summary>
/// <c>Notify</c>: a <see cref="NoticeMessage"/> on <c>risk-notifications</c> → <see cref="NoticeNotifier.NotifyAsync"/>;
/// the invocation fails, for the queue to retry, when a transient failure remains.
/// </summary>
public sealed class NotifyFunction(NoticeNotifier notifier, ILogger<NotifyFunction> logger)
{
    [Function("Notify")]
    public async Task RunAsync([QueueTrigger(QueueNames.RiskNotifications)] NoticeMessage notice, CancellationToken cancellationToken) =>
        (await notifier.NotifyAsync(notice, cancellationToken)).Complete(logger);
}
