using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Recommendations;
using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.Retries;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Precedence;
using SchoolRisk.Domain.Uploads.Tables;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rubrics;
using SchoolRisk.Storage.Support;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Application.Uploads;

/// <summary>
/// Processes one upload: the workflow behind <c>Ingest</c>. The original is only read. Which uploads count is the
/// domain's rule (<see cref="UploadPrecedence"/>): the same content as the municipality's current or rejected upload for
/// the period is a duplicate, an upload older than a completed one is superseded; both are recorded, not evaluated or
/// notified again. Otherwise the file is read as a stream
/// and checked against the registry; valid rows are evaluated and classified against the region, results written,
/// results of earlier uploads removed, the municipality's indicators written and earlier uploads marked superseded,
/// and only then is the upload marked completed. A crash before that leaves it
/// <see cref="UploadStatus.Processing"/>, and the retry of the same message completes it: every step is idempotent.
/// Precedence is decided twice. First from the history as it stands, so a duplicate or an upload older than a completed
/// one is not even read (a later step can only make such an upload more so: only a newer upload completes). Then,
/// once the file is read and evaluated, again under the municipality's <see cref="UploadLock"/> for the period and
/// kind, which holds every instance's decide-and-write section of that municipality, period and kind to one at a time:
/// inside it the history is read again, precedence decided, and results written, earlier results removed, the
/// summary written, the superseded marked and the upload marked completed. So of two uploads processed at once the
/// second to take the lock sees the first completed: the later blob ends current, the earlier superseded by it,
/// whichever finished first (without the lock each read a history without the other, each deleted the other's rows,
/// and both ended completed). Reading and evaluating stay outside: they touch no shared state, and they are most of
/// the time. A redelivered event is the same upload (<see cref="UploadPrecedence.Decide"/> leaves it out) and goes
/// the same way again. The lock's wait is bounded only by the processing's cancellation token, in the function app
/// by the host's <c>functionTimeout</c>; a holder that crashed lets go within the lease's 60 seconds.
/// Rubric uploads (<see cref="UploadKind.Rubrics"/>) go the same way with their own history: their scores are banded,
/// stored, and set the municipality's rubric zone. The municipality's notice is written to the notices container and
/// its message returned for the door to queue, with a recalculation request of the period when its results changed.
/// </summary>
public sealed class UploadProcessor(
    UploadBlobs blobs,
    UploadStatusTable statuses,
    ResultTable results,
    RegionSnapshotBlobs snapshots,
    MunicipalityTable municipalities,
    RubricTable rubrics,
    UploadLock uploadLocks,
    SchoolRegistryBlob registry,
    ReportBlobs reports,
    NoticeBlobs notices,
    RuleSetProvider rules,
    SupportDecisionTable decisions,
    UploadLimits limits,
    TimeProvider time,
    ILogger<UploadProcessor> logger)
{
    /// <summary>
    /// Processes the upload <paramref name="blobName"/>. A person's mistake in the file ends in a handled outcome (rejected,
    /// rows skipped), never an exception. A fault of the system is recorded as <see cref="UploadStatus.Failed"/> with
    /// its reason and rethrown for the queue to retry; the status says whether a retry follows, from
    /// <paramref name="dequeueCount"/> (which delivery of the event this is, 1 for the first) and <see cref="UploadLimits.MaxAttempts"/>.
    /// </summary>
    /// <param name="blobName">The upload's blob name in the uploads container.</param>
    /// <param name="dequeueCount">Which delivery of the upload's event this is, 1 for the first.</param>
    /// <param name="cancellationToken">Cancels the processing; the event is then retried.</param>
    public async Task<IngestOutcome> ProcessAsync(string blobName, int dequeueCount, CancellationToken cancellationToken)
    {
        var processed = await ProcessBlobAsync(blobName, new QueueAttempt(dequeueCount, limits.MaxAttempts), cancellationToken);
        var notice = processed.Notice is { } written ? NoticeMessage.Of(written, await notices.WriteAsync(written, cancellationToken)) : null;
        var recalculation = processed.Recalculate is { } period ? new RecalculationRequest(period, RequestedAt: time.GetUtcNow()) : null;
        return new IngestOutcome(processed.Message, notice, recalculation);
    }

    private async Task<Processed> ProcessBlobAsync(string blobName, QueueAttempt attempt, CancellationToken cancellationToken)
    {
        var blob = await blobs.GetInfoAsync(blobName, cancellationToken);
        if (blob is null)
        {
            return Processed.Skipped($"Blob {blobName} no longer exists: nothing to process.");
        }

        var uploadId = UploadId.For(blobName, blob.ETag);
        if (!UploadPath.TryParse(blobName, out var path, out var pathError))
        {
            await statuses.UpsertAsync(
                new UploadRecord(uploadId, blobName, null, null, UploadStatus.Rejected, time.GetUtcNow()) { Error = pathError },
                cancellationToken);
            logger.LogWarning("Upload {UploadId} ({BlobName}) rejected: {Reason}", uploadId.ToString(), blobName, pathError);
            return Processed.Skipped($"Upload {uploadId} ({blobName}) is not under {{period}}/{{municipality}}/: recorded as rejected.");
        }

        var ruleSet = await rules.GetAsync(cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["UploadId"] = uploadId.ToString(),
            ["MunicipalityId"] = path.MunicipalityId.ToString(),
            ["Period"] = path.Period.ToString(),
            ["RuleSetVersion"] = ruleSet.Version.ToString(),
        });
        var record = new UploadRecord(uploadId, blobName, path.Period, path.MunicipalityId, UploadStatus.Processing, time.GetUtcNow())
        {
            BlobCreatedAt = blob.CreatedOn,
            RuleSetVersion = ruleSet.Version,
        };
        try
        {
            return await ProcessPathAsync(path, record, blob, ruleSet, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await statuses.UpsertAsync(
                record with { Status = UploadStatus.Failed, UpdatedAt = time.GetUtcNow(), Error = FailureText(exception, attempt) },
                CancellationToken.None);
            logger.LogError(exception, "Upload {UploadId} ({BlobName}) failed on attempt {Attempt} of {MaxAttempts}", uploadId.ToString(), blobName, attempt.Number, attempt.MaxAttempts);
            throw;
        }
    }

    private async Task<Processed> ProcessPathAsync(UploadPath path, UploadRecord record, UploadBlobInfo blob, RuleSet ruleSet, CancellationToken cancellationToken)
    {
        if (blob.Length > limits.MaxFileBytes)
        {
            return await RejectAsync(path, record, TooLarge(path, blob.Length, limits.MaxFileBytes), null, cancellationToken);
        }

        var contentHash = await blobs.ComputeContentHashAsync(path.BlobName, blob.ETag, cancellationToken);
        record = record with { ContentHash = contentHash };
        await statuses.UpsertAsync(record, cancellationToken);

        if ((await DecideAsync(path, record, contentHash, blob, cancellationToken)).Skipped is { } skipped)
        {
            return skipped;
        }

        return path.Kind == UploadKind.Rubrics
            ? await EvaluateRubricsAsync(path, record, blob, contentHash, ruleSet, cancellationToken)
            : await EvaluateSchoolsAsync(path, record, blob, contentHash, ruleSet, cancellationToken);
    }

    /// <summary>
    /// Decides the upload's precedence (<see cref="UploadPrecedence.Decide"/>) from its municipality's history for the
    /// period as stored now. A duplicate or superseded upload is recorded so and returned as <see cref="Decision.Skipped"/>;
    /// otherwise <see cref="Decision.Supersedes"/> holds the completed uploads it supersedes once evaluated.
    /// </summary>
    private async Task<Decision> DecideAsync(UploadPath path, UploadRecord record, string contentHash, UploadBlobInfo blob, CancellationToken cancellationToken)
    {
        var history = await statuses.ListAsync(path.Period, path.MunicipalityId, cancellationToken).ToListAsync(cancellationToken);
        var precedence = UploadPrecedence.Decide(path, record.UploadId, contentHash, blob.CreatedOn, history.Select(PriorUploadOf));
        switch (precedence.Kind)
        {
            case UploadPrecedenceKind.Duplicate:
                await statuses.UpsertAsync(record with { Status = UploadStatus.Duplicate, UpdatedAt = time.GetUtcNow(), DuplicateOf = precedence.Other }, cancellationToken);
                logger.LogInformation("Upload {UploadId} ({BlobName}) has the content of upload {DuplicateOf}: duplicate, its results not written or notified", record.UploadId.ToString(), path.BlobName, precedence.Other.ToString());
                return new Decision(Processed.Skipped($"Upload {record.UploadId} ({path.BlobName}) has the content of upload {precedence.Other}: duplicate, its results not written or notified."), []);
            case UploadPrecedenceKind.Superseded:
                await statuses.UpsertAsync(record with { Status = UploadStatus.Superseded, UpdatedAt = time.GetUtcNow(), SupersededBy = precedence.Other }, cancellationToken);
                logger.LogInformation("Upload {UploadId} ({BlobName}) is older than completed upload {SupersededBy}: superseded, its results not written or notified", record.UploadId.ToString(), path.BlobName, precedence.Other.ToString());
                return new Decision(Processed.Skipped($"Upload {record.UploadId} ({path.BlobName}) is older than completed upload {precedence.Other}: superseded, its results not written or notified."), []);
            default:
                return new Decision(null, [.. history.Where(upload => precedence.Supersedes.Contains(upload.UploadId))]);
        }
    }

    private async Task<Processed> EvaluateSchoolsAsync(
        UploadPath path, UploadRecord record, UploadBlobInfo blob, string contentHash, RuleSet ruleSet, CancellationToken cancellationToken)
    {
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        var registered = await registry.LoadAsync(cancellationToken);
        await using var content = await blobs.OpenReadAsync(path.BlobName, blob.ETag, cancellationToken);
        var reading = new UploadReading(content, path, registered, limits);
        var schools = new List<SchoolEvaluation>();
        try
        {
            await foreach (var row in reading.ReadValidRowsAsync(cancellationToken))
            {
                schools.Add(evaluator.EvaluateMarkingFailures(row));
            }
        }
        catch (FileRejectedException exception)
        {
            return await RejectAsync(path, record, exception.Message, reading, cancellationToken);
        }

        schools = await ClassifyAsync(path, schools, registered, new SchoolClassifier(ruleSet, OverallZonePolicy.Default), cancellationToken);
        var evaluated = new EvaluatedUpload(path, record.UploadId, ruleSet.Version, schools);
        var failures = schools.SelectMany(school => school.Failures).ToList();
        var report = UploadReport.Evaluated(path, record.UploadId, reading).WithRuleProblems(ProblemsOf(path, failures, reading.Problems.Count), failures.Count);
        if (failures.Count > 0)
        {
            logger.LogWarning(
                "Upload {UploadId} ({BlobName}): rule set {RuleSetVersion} could not evaluate everything, left not evaluated: {Problems}",
                record.UploadId.ToString(), path.BlobName, ruleSet.Version.ToString(), string.Join(" | ", RuleFailures.ForAdministrator(failures, $"загрузке {path.BlobName}", new Dictionary<string, string>())));
        }

        var links = report.HasFindings ? await reports.WriteAsync(report, cancellationToken) : null;
        var rubricZone = Zone.None;
        await using (await uploadLocks.AcquireAsync(path.Period, path.MunicipalityId, path.Kind, cancellationToken))
        {
            var decision = await DecideAsync(path, record, contentHash, blob, cancellationToken);
            if (decision.Skipped is { } skipped)
            {
                return skipped;
            }

            await results.UpsertAsync(evaluated, cancellationToken);
            await results.DeleteOthersThanAsync(path.Period, path.MunicipalityId, record.UploadId, cancellationToken);
            rubricZone = (await municipalities.UpdateAsync(
                path.Period, path.MunicipalityId, existing => MunicipalSummary.Of(evaluated).KeepingRubricsOf(existing), cancellationToken)).RubricZone;
            await SupersedeAsync(decision.Supersedes, record.UploadId, cancellationToken);
            var completed = Completed(record, reading.DataRows, reading.SkippedRows, report.ProblemCount, evaluated.CountIn(Zone.High), evaluated.CountIn(Zone.Medium), links);
            await statuses.UpsertAsync(completed with { SchoolCount = schools.Count }, cancellationToken);
        }

        logger.LogInformation(
            "Upload {UploadId} ({BlobName}) evaluated by rule set {RuleSetVersion}: {Schools} schools, {High} high, {Medium} medium, {Skipped} rows skipped",
            record.UploadId.ToString(), path.BlobName, evaluated.RuleSetVersion.ToString(), schools.Count, evaluated.CountIn(Zone.High), evaluated.CountIn(Zone.Medium), reading.SkippedRows);
        return new Processed(
            await ruleSet.RecommendingAsync(
                MunicipalityNotice.For(evaluated, report, links, await results.ZonesAsync(path.Period.Previous, path.MunicipalityId, cancellationToken), ruleSet.RiskGroup),
                evaluated.Schools.ToDictionary(school => school.School.SchoolId),
                rubricZone,
                new DecidedSupport(await decisions.ListAsync(path.Period, cancellationToken))),
            $"Upload {record.UploadId} ({path.BlobName}): {schools.Count} schools evaluated by rule set {evaluated.RuleSetVersion}, {reading.SkippedRows} rows skipped.",
            path.Period);
    }

    private async Task<Processed> EvaluateRubricsAsync(
        UploadPath path, UploadRecord record, UploadBlobInfo blob, string contentHash, RuleSet ruleSet, CancellationToken cancellationToken)
    {
        var registered = await registry.LoadAsync(cancellationToken);
        await using var content = await blobs.OpenReadAsync(path.BlobName, blob.ETag, cancellationToken);
        var reading = new RubricReading(content, path, registered, ruleSet.Rubrics, limits);
        var evaluated = new List<RubricResult>();
        var failures = new List<RuleFailure>();
        try
        {
            await foreach (var row in reading.ReadValidRowsAsync(cancellationToken))
            {
                var (band, failure) = await ruleSet.BandOrFailureAsync(row.Rubric, row.Scores, row.Subject, row.SubjectName);
                if (band is null)
                {
                    failures.Add(failure! with { RowNumber = row.Number });
                    continue;
                }

                evaluated.Add(new RubricResult(row.Rubric.Id, row.Rubric.Level, row.Subject, row.SubjectName, row.Scores, row.Rubric.MaxScore, band) { Title = row.Rubric.Title });
            }
        }
        catch (FileRejectedException exception)
        {
            return await RejectAsync(path, record, exception.Message, reading, cancellationToken);
        }

        var report = UploadReport.Evaluated(path, record.UploadId, reading).WithRuleProblems(ProblemsOf(path, failures, reading.Problems.Count), failures.Count, failures.Count);
        var links = report.HasFindings ? await reports.WriteAsync(report, cancellationToken) : null;
        var rubricZone = RubricResult.MunicipalZoneOf(evaluated);
        var high = evaluated.Count(result => result.Zone == Zone.High);
        var medium = evaluated.Count(result => result.Zone == Zone.Medium);
        await using (await uploadLocks.AcquireAsync(path.Period, path.MunicipalityId, path.Kind, cancellationToken))
        {
            var decision = await DecideAsync(path, record, contentHash, blob, cancellationToken);
            if (decision.Skipped is { } skipped)
            {
                return skipped;
            }

            await rubrics.UpsertAsync(path, record.UploadId, ruleSet.Version, evaluated, cancellationToken);
            await rubrics.DeleteOthersThanAsync(path.Period, path.MunicipalityId, record.UploadId, cancellationToken);
            await municipalities.UpdateAsync(
                path.Period, path.MunicipalityId, existing => (existing ?? MunicipalSummary.Empty(path.Period, path.MunicipalityId)) with { RubricZone = rubricZone }, cancellationToken);
            await SupersedeAsync(decision.Supersedes, record.UploadId, cancellationToken);
            await statuses.UpsertAsync(
                Completed(record, reading.DataRows, report.SkippedRows, report.ProblemCount, high, medium, links) with { RubricCount = evaluated.Count },
                cancellationToken);
        }

        logger.LogInformation(
            "Rubric upload {UploadId} ({BlobName}) evaluated by rule set {RuleSetVersion}: {Rubrics} rubrics, {High} in the low band, {Medium} in the middle band, municipality's rubric zone {Zone}",
            record.UploadId.ToString(), path.BlobName, ruleSet.Version.ToString(), evaluated.Count, high, medium, rubricZone.ToKey());
        return new Processed(
            MunicipalityNotice.ForRubrics(path, record.UploadId, ruleSet.Version, evaluated, report, links),
            $"Rubric upload {record.UploadId} ({path.BlobName}): {evaluated.Count} rubrics evaluated by rule set {ruleSet.Version}, {report.SkippedRows} rows skipped.");
    }

    /// <summary>
    /// The problems an upload's report lists for rules that threw on its rows (<see cref="RuleFailures.ForUpload"/>), as
    /// many as the report lists at most beside the <paramref name="listedAlready"/> problems of the reading; every one is counted.
    /// </summary>
    private List<UploadProblem> ProblemsOf(UploadPath path, IReadOnlyList<RuleFailure> failures, int listedAlready) =>
        [.. failures.Take(Math.Max(0, limits.MaxListedProblems - listedAlready)).Select(failure => new UploadProblem(
            failure.RowNumber,
            failure.IndicatorId is { } indicator ? Domain.Indicators.IndicatorCatalog.Find(indicator)?.Title : null,
            failure.Inputs,
            RuleFailures.ForUpload(failure, path.FileName)))];

    /// <summary>Marks the uploads the evaluated one supersedes (<see cref="UploadPrecedence.Supersedes"/>) as superseded by it.</summary>
    /// <summary>
    /// The record of an upload whose rows (schools or rubrics) are stored: completed now, with its rows read and skipped,
    /// its problems, how many of its rows are in the high and the medium zone (or band), and its report's links if it has one.
    /// </summary>
    private UploadRecord Completed(UploadRecord record, int dataRows, int skippedRows, int problemCount, int high, int medium, ReportLinks? links) =>
        record with
        {
            Status = UploadStatus.Completed,
            UpdatedAt = time.GetUtcNow(),
            DataRows = dataRows,
            SkippedRows = skippedRows,
            ProblemCount = problemCount,
            HighCount = high,
            MediumCount = medium,
            ReportJson = links?.Json,
            ReportCsv = links?.Csv,
        };

    private async Task SupersedeAsync(List<UploadRecord> superseded, UploadId uploadId, CancellationToken cancellationToken)
    {
        foreach (var replaced in superseded)
        {
            await statuses.UpsertAsync(replaced with { Status = UploadStatus.Superseded, UpdatedAt = time.GetUtcNow(), SupersededBy = uploadId }, cancellationToken);
        }
    }

    /// <summary>
    /// Classifies the upload's schools against the region as known now: the other municipalities' schools as the last
    /// recalculation read them (<see cref="RegionSnapshotBlobs"/>; the period's results until the first one has) and
    /// this upload. The recalculation the upload queues classifies everyone against the region as it then is. The
    /// previous period's results give each school's standing toward the low-result group before.
    /// </summary>
    private async Task<List<SchoolEvaluation>> ClassifyAsync(
        UploadPath path, List<SchoolEvaluation> schools, SchoolRegistry registered, SchoolClassifier classifier, CancellationToken cancellationToken)
    {
        var known = await snapshots.ReadAsync(path.Period, cancellationToken)
            ?? [.. (await results.ReadInputsAsync(path.Period, registered.MunicipalityIds, cancellationToken)).Select(input => new SchoolValues(input.MunicipalityId, input.Values))];
        var others = known.Where(school => school.MunicipalityId != path.MunicipalityId).Select(school => school.Values);
        var region = RegionalDistribution.Of([.. others, .. schools.Select(school => school.School.Indicators)]);
        var standingsBefore = await results.RiskGroupsAsync(path.Period.Previous, path.MunicipalityId, cancellationToken);
        var classified = new List<SchoolEvaluation>(schools.Count);
        foreach (var school in schools)
        {
            classified.Add(await classifier.ClassifyAsync(
                school, registered.Find(school.School.SchoolId), region, path.Period, standingsBefore.GetValueOrDefault(school.School.SchoolId)));
        }

        return classified;
    }

    private async Task<Processed> RejectAsync(
        UploadPath path, UploadRecord record, string reason, IUploadReading? reading, CancellationToken cancellationToken)
    {
        var report = UploadReport.Rejected(path, record.UploadId, reason, reading);
        var links = await reports.WriteAsync(report, cancellationToken);
        await statuses.UpsertAsync(
            record with
            {
                Status = UploadStatus.Rejected,
                UpdatedAt = time.GetUtcNow(),
                Error = reason,
                DataRows = report.DataRows,
                ProblemCount = report.ProblemCount,
                ReportJson = links.Json,
                ReportCsv = links.Csv,
            },
            cancellationToken);
        logger.LogWarning("Upload {UploadId} ({BlobName}) rejected: {Reason}", record.UploadId.ToString(), path.BlobName, reason);
        return new Processed(MunicipalityNotice.Rejected(report, links), $"Upload {record.UploadId} ({path.BlobName}) rejected: {reason}");
    }

    /// <summary>
    /// What the upload's status says of a system fault, in Russian: that it is not the file's fault, what failed, and
    /// whether the system tries again (<paramref name="attempt"/>) or has stopped (the event waits in
    /// <c>upload-events-poison</c> for an administrator).
    /// </summary>
    private static string FailureText(Exception exception, QueueAttempt attempt) =>
        $"Сбой системы при обработке загрузки (не ошибка в файле): {exception.GetType().Name}: {exception.Message} " +
        (attempt.IsLast
            ? $"Попытка {attempt.Number} из {attempt.MaxAttempts} была последней: загрузка ждёт администратора в очереди {QueueNames.PoisonOf(QueueNames.UploadEvents)} " +
              $"(schoolrisk notices replay --queue {QueueNames.UploadEvents})."
            : $"Попытка {attempt.Number} из {attempt.MaxAttempts}; следующая будет сделана автоматически.");

    /// <summary>An upload's record as the precedence rule sees it.</summary>
    private static PriorUpload PriorUploadOf(UploadRecord record) => new(
        record.UploadId,
        record.BlobName,
        record.ContentHash,
        record.Status switch
        {
            UploadStatus.Completed => UploadStanding.Completed,
            UploadStatus.Duplicate => UploadStanding.Repeated,
            _ => UploadStanding.Other,
        },
        record.BlobCreatedAt);

    /// <summary>A precedence decision: the outcome of an upload not to evaluate, or the completed uploads the evaluated one supersedes.</summary>
    private sealed record Decision(Processed? Skipped, List<UploadRecord> Supersedes);

    /// <summary>What processing ended with: the municipality's notice (not yet written), the log line, the period to recalculate when results changed.</summary>
    private sealed record Processed(MunicipalityNotice? Notice, string Message, Period? Recalculate = null)
    {
        public static Processed Skipped(string message) => new(null, message);
    }

    private static string TooLarge(UploadPath path, long length, long limit) =>
        $"Файл «{path.FileName}»: размер {Size(length)} больше допустимых {Size(limit)}. Уберите из книги лишние листы, рисунки и оформление или сохраните таблицу как CSV (каждая загрузка заменяет предыдущую целиком, поэтому файл нельзя делить на части).";

    private static string Size(long bytes)
    {
        var russian = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");
        return bytes >= 1024 * 1024
            ? (bytes / (1024 * 1024.0)).ToString("0.#", russian) + " МБ"
            : (bytes / 1024.0).ToString("0.#", russian) + " КБ";
    }
}
