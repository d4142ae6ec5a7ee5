using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Application.Digest;

/// <summary>
/// Asks for the committee's digest of a period: a <see cref="DigestRequest"/> on <c>digest-requests</c>, visible after
/// a delay (<see cref="DigestSchedule"/>: a burst of requests makes one digest, after it settles). Used after every
/// recalculation and by the CLI's replay of failed digests.
/// </summary>
public sealed class DigestScheduler(DigestSchedule schedule, TimeProvider time)
{
    /// <summary>Requests the digest of <paramref name="period"/> as of now, to be made after <paramref name="delay"/> (zero: at once).</summary>
    public async Task RequestAsync(Period period, TimeSpan delay, CancellationToken cancellationToken)
    {
        var requestedAt = time.GetUtcNow();
        await schedule.ScheduleAsync(period, requestedAt, MessageJson.Serialize(new DigestRequest(period, requestedAt)), delay, cancellationToken);
    }

    /// <summary>
    /// Postpones the digest of <paramref name="period"/>: every request made before now ends without a digest. For a
    /// recalculation about to start, which requests the digest itself when it completes (<see cref="RequestAsync"/>), so that
    /// no digest is made of a region the recalculation is rewriting.
    /// </summary>
    public Task PostponeAsync(Period period, CancellationToken cancellationToken) => schedule.PostponeAsync(period, time.GetUtcNow(), cancellationToken);
}
