using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Digest;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Functions.Queues;

namespace SchoolRisk.Functions.Notices;

/// <summary>
/// <c>Digest</c>: a <see cref="DigestRequest"/> on <c>digest-requests</c> (queued by <c>Recalculate</c> to become visible
/// after the digest delay) → <see cref="DigestNotifier.DeliverAsync"/>; the invocation fails, for the queue to retry, when
/// a transient failure remains.
/// </summary>
public sealed class DigestFunction(DigestNotifier digests, ILogger<DigestFunction> logger)
{
    [Function("Digest")]
    public async Task RunAsync([QueueTrigger(QueueNames.DigestRequests)] DigestRequest request, CancellationToken cancellationToken) =>
        (await digests.DeliverAsync(QueueTriggerData.PeriodOf(request), request.RequestedAt, cancellationToken)).Complete(logger);
}
