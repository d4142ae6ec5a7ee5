using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Storage.Locks;

namespace SchoolRisk.Storage.Uploads;

/// <summary>
/// One upload of a municipality, period and kind at a time deciding precedence and writing results, across every
/// instance: the <see cref="BlobLock"/> <c>locks/uploads/{period}/{municipality}/{kind}</c> (kind <c>schools</c> or
/// <c>rubrics</c>, each with its own history). Without it two uploads processed at once each read a history without the
/// other completed, each delete the other's results, and both end completed.
/// </summary>
public sealed class UploadLock(StorageAccount account, TimeProvider time)
{
    private readonly BlobLock _locks = new(account, time);

    /// <summary>The lock's blob name in the locks container: <c>uploads/{period}/{municipality}/{kind}</c>, the kind in lower case.</summary>
    public static string NameOf(Period period, MunicipalityId municipalityId, UploadKind kind) =>
        $"uploads/{period}/{municipalityId}/{kind.ToString().ToLowerInvariant()}";

    /// <summary>Waits until this caller holds the lock (<see cref="BlobLock.AcquireAsync"/>: bounded only by <paramref name="cancellationToken"/>).</summary>
    /// <param name="period">The upload's period.</param>
    /// <param name="municipalityId">The upload's municipality.</param>
    /// <param name="kind">The upload's kind.</param>
    /// <param name="cancellationToken">Ends the wait with <see cref="OperationCanceledException"/>.</param>
    public Task<BlobLock.Held> AcquireAsync(Period period, MunicipalityId municipalityId, UploadKind kind, CancellationToken cancellationToken = default) =>
        _locks.AcquireAsync(NameOf(period, municipalityId, kind), cancellationToken);
}
