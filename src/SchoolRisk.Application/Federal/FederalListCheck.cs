using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Digest;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Registry;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;
using SchoolRisk.Storage.Federal;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;

namespace SchoolRisk.Application.Federal;

/// <summary>
/// The workflow behind a federal file's event (<c>RegistryChanged</c> for <c>registry/federal/{period}/{file}</c>): reads
/// the period's newest file (an event for an older one ends at once: the newest is the period's list), checks it against
/// the school registry in use (<see cref="FederalList.ReadAsync"/>), and when it is usable makes it the period's stored
/// list (<see cref="FederalListTable.ReplaceAsync"/>) and asks for the committee's digest of the period, which then shows
/// the list beside the regional group. Either way the report goes to <c>reports/federal/{period}/{versionId}/report.json|csv</c>,
/// naming every refused row and which list the period has, and when the file has problems the committee gets a notice
/// (<see cref="MunicipalityNotice.ForFederal"/>, its letter naming the rows); a file that cannot be used leaves the
/// period's earlier list in place. A refusal is an outcome, not a failure: only a fault of storage (or no usable school registry, as for an
/// upload) throws, and the event is retried.
/// </summary>
public sealed class FederalListCheck(
    FederalFileBlobs files, FederalListTable table, SchoolRegistryBlob registry, ReportBlobs reports, NoticeBlobs notices, DigestScheduler digests, DeliveryOptions delivery,
    UploadLimits limits, ILogger<FederalListCheck> logger)
{
    /// <param name="period">The period of the file's folder.</param>
    /// <param name="blobName">The changed blob's name in the registry container, <c>federal/{period}/{file}</c>.</param>
    /// <param name="cancellationToken">Cancels the check; the event is then retried.</param>
    /// <returns>What was checked and found, for the invocation log, and the committee's notice to send when the file has problems.</returns>
    public async Task<RegistryCheckOutcome> CheckAsync(Period period, string blobName, CancellationToken cancellationToken)
    {
        var newest = await files.NewestAsync(period, cancellationToken);
        if (newest is null || newest.BlobName != blobName)
        {
            return new RegistryCheckOutcome($"registry/{blobName} is not the newest federal file of {period} ({newest?.BlobName ?? "none is left"}): nothing to check.", null);
        }

        await using var content = await files.OpenAsync(newest, cancellationToken);
        if (content is null)
        {
            return new RegistryCheckOutcome($"registry/{blobName} changed or was deleted since it was listed: its own event checks it.", null);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["BlobName"] = blobName, ["FederalVersion"] = newest.VersionId });
        var schools = await registry.LoadAsync(cancellationToken);
        FederalList? list = null;
        string? unusable;
        try
        {
            list = await FederalList.ReadAsync(content, newest.FileName, schools, limits, cancellationToken);
            unusable = list.Check.Unusable;
        }
        catch (FileRejectedException exception)
        {
            unusable = exception.Message;
        }

        if (list is not null && unusable is null && await table.ReplaceAsync(newest, list.Schools, cancellationToken))
        {
            await digests.RequestAsync(period, delivery.DigestDelay, cancellationToken);
        }

        var stored = await table.ReadAsync(period, cancellationToken);
        var inUse = stored is null
            ? null
            : new FederalListInUse(stored.FileName, stored.SavedAt, stored.Schools.Count, stored.OnList.Count(), stored.VersionId == newest.VersionId);
        var report = new FederalReport(period, newest.FileName, newest.VersionId, newest.SavedAt, unusable, list?.Check, inUse);
        var links = await reports.WriteAsync(report, cancellationToken);
        var message = $"registry/{blobName} version {newest.VersionId} checked: {list?.Check.ValidRows ?? 0} of {list?.Check.DataRows ?? 0} rows valid, " +
            $"{list?.Check.ProblemCount ?? 0} refused{(unusable is null ? string.Empty : ", the file cannot be used")}; " +
            $"{(inUse is null ? "no federal list is stored" : inUse.IsThisFile ? $"it is the list of {period} ({inUse.OnList} schools on it)" : $"the list of {inUse.FileName} stays")}; report {links.Json}.";
        if (!report.HasProblems)
        {
            logger.LogInformation("{Message}", message);
            return new RegistryCheckOutcome(message, null);
        }

        logger.LogWarning("{Message}", message);
        var notice = MunicipalityNotice.ForFederal(report, links);
        return new RegistryCheckOutcome(message, NoticeMessage.Of(notice, await notices.WriteAsync(notice, cancellationToken)));
    }
}
