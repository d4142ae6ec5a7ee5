using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rubrics;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Cli.Demo;

/// <summary>
/// What storage holds for a period once the uploads are settled: upload statuses, results, rubrics, notices (of the
/// municipalities and the committee's digests) and their deliveries.
/// </summary>
public sealed record DemoOutcome(
    IReadOnlyList<UploadRecord> Uploads,
    IReadOnlyList<StoredResult> Results,
    IReadOnlyList<MunicipalSummary> Municipalities,
    IReadOnlyList<StoredRubric> Rubrics,
    IReadOnlyList<RecordedNotice> Recorded,
    IReadOnlyList<DeliveryRecord> Deliveries,
    bool Complete)
{
    /// <summary>The municipalities' notices.</summary>
    public IReadOnlyList<RecordedNotice> Notices => [.. Recorded.Where(notice => notice.Kind != NoticeKind.Digest)];

    /// <summary>The committee's digests of the period.</summary>
    public IReadOnlyList<RecordedNotice> Digests => [.. Recorded.Where(notice => notice.Kind == NoticeKind.Digest)];

    /// <summary>The uploads of schools' indicators (not of rubric scores).</summary>
    public IEnumerable<UploadRecord> SchoolUploads => Uploads.Where(upload => UploadPath.TryParse(upload.BlobName, out var path, out _) && path.Kind == UploadKind.Schools);

    /// <summary>
    /// Polls storage until every upload is settled (not processing or failed), every upload with schools in a risk
    /// zone or with problems has its notice recorded, the region's recalculations are done, every notice's delivery has
    /// ended and the committee's digest is delivered, or until the deadline.
    /// </summary>
    public static async Task<DemoOutcome> WaitAsync(
        StorageAccount storage, Period period, int expectedUploads, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var statuses = new UploadStatusTable(storage);
        var results = new ResultTable(storage, TimeProvider.System);
        var notices = new NotificationTable(storage, TimeProvider.System);
        var municipalities = new MunicipalityTable(storage, TimeProvider.System);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        while (true)
        {
            var outcome = await ReadAsync(storage, statuses, results, municipalities, notices, period, expectedUploads, cancellationToken);
            if (outcome.Complete || timeout.IsCancellationRequested)
            {
                return outcome;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private static async Task<DemoOutcome> ReadAsync(
        StorageAccount storage, UploadStatusTable statuses, ResultTable results, MunicipalityTable municipalities, NotificationTable notices,
        Period period, int expectedUploads,
        CancellationToken cancellationToken)
    {
        var uploads = await statuses.ListAsync(period, cancellationToken).ToListAsync(cancellationToken);
        var recorded = await notices.ListAsync(period, cancellationToken).ToListAsync(cancellationToken);
        var settled = uploads.Count(upload => upload.Status is not (UploadStatus.Processing or UploadStatus.Failed));
        var expectedNotices = uploads.Count(upload => upload.Status == UploadStatus.Rejected
            || (upload.Status == UploadStatus.Completed && upload.HighCount + upload.MediumCount + upload.ProblemCount > 0));
        var delivered = recorded.All(notice => notice.Status is NoticeStatus.Delivered or NoticeStatus.Failed)
            && recorded.Any(notice => notice.Kind == NoticeKind.Digest)
            && await storage.PendingMessagesAsync(QueueNames.DigestRequests, cancellationToken) == 0;
        var complete = uploads.Count >= expectedUploads && settled == uploads.Count && recorded.Count(notice => notice.Kind != NoticeKind.Digest) >= expectedNotices
            && await storage.PendingMessagesAsync(QueueNames.PeriodRecalculations, cancellationToken) == 0 && delivered;
        var stored = complete ? await results.ListAsync(period, cancellationToken).ToListAsync(cancellationToken) : [];
        var municipal = complete ? await municipalities.ListAsync(period, cancellationToken).ToListAsync(cancellationToken) : [];
        var rubrics = complete ? await new RubricTable(storage, TimeProvider.System).ListAsync(period, cancellationToken).ToListAsync(cancellationToken) : [];
        var deliveries = complete ? await new DeliveryTable(storage, TimeProvider.System).ListAsync(period, cancellationToken).ToListAsync(cancellationToken) : [];
        return new DemoOutcome(uploads, stored, municipal, rubrics, recorded, deliveries, complete);
    }
}
