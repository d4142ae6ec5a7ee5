using SchoolRisk.Application.Digest;
using SchoolRisk.Application.Notices;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Recalculation;

/// <summary>
/// The workflow behind <c>Recalculate</c>: recomputes the region of a period (<see cref="RegionalRecalculation"/>) and
/// asks for the committee's digest of it (<see cref="DigestScheduler"/>: visible after
/// <see cref="DeliveryOptions.DigestDelay"/>, so a burst of uploads makes one digest), whether or not the request was
/// already covered. It first postpones the digest requests made before it (<see cref="DigestScheduler.PostponeAsync"/>):
/// a digest due while the recalculation runs would describe the region before it, and the next one after it.
/// </summary>
public sealed class PeriodRecalculation(RegionalRecalculation recalculation, DigestScheduler digests, DeliveryOptions delivery)
{
    /// <param name="period">The period of <paramref name="request"/>, as the door checked it (<c>QueueTriggerData.PeriodOf</c>).</param>
    /// <param name="request">The request: at least which rule set version, and when it was made.</param>
    /// <param name="cancellationToken">Cancels the recalculation; the request is then retried.</param>
    public async Task<RecalculationOutcome> RecalculateAsync(Period period, RecalculationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await digests.PostponeAsync(period, cancellationToken);
        var outcome = await recalculation.RunAsync(period, request.RuleSetVersion, request.RequestedAt, cancellationToken);
        await digests.RequestAsync(period, delivery.DigestDelay, cancellationToken);
        return outcome;
    }
}
