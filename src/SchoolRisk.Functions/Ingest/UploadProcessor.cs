using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Functions.Ingest;

/// <summary>
/// Evaluates one upload: reads it as a stream, evaluates every school, writes results and the upload's status,
/// and returns the municipality's notice. Idempotent: a retry of the same upload rewrites the same rows.
/// </summary>
public sealed class UploadProcessor(
    UploadBlobStore blobs,
    UploadStatusTable statuses,
    ResultTable results,
    SchoolEvaluator evaluator,
    TimeProvider time,
    ILogger<UploadProcessor> logger)
{
    public async Task<IngestOutcome> ProcessAsync(string blobName, CancellationToken cancellationToken)
    {
        await using var upload = await blobs.OpenReadAsync(blobName, cancellationToken);
        var uploadId = UploadId.For(blobName, upload.ETag);
        if (!UploadPath.TryParse(blobName, out var path, out var pathError))
        {
            await statuses.UpsertAsync(
                new UploadRecord(uploadId, blobName, null, null, UploadStatus.Failed, time.GetUtcNow()) { Error = pathError },
                cancellationToken);
            return Rejected(blobName, uploadId, pathError);
        }

        var record = new UploadRecord(uploadId, blobName, path.Period, path.MunicipalityId, UploadStatus.Processing, time.GetUtcNow())
        {
            RuleSetVersion = evaluator.RuleSet.Version,
        };
        await statuses.UpsertAsync(record, cancellationToken);
        try
        {
            var evaluated = await EvaluateAsync(path, uploadId, upload.Content, cancellationToken);
            await results.UpsertAsync(evaluated, cancellationToken);
            await statuses.UpsertAsync(
                record with
                {
                    Status = UploadStatus.Completed,
                    UpdatedAt = time.GetUtcNow(),
                    SchoolCount = evaluated.Schools.Count,
                    HighCount = evaluated.CountIn(Zone.High),
                    MediumCount = evaluated.CountIn(Zone.Medium),
                },
                cancellationToken);
            logger.LogInformation(
                "Upload {UploadId} ({BlobName}) evaluated by rule set {RuleSetVersion}: {Schools} schools, {High} high, {Medium} medium",
                uploadId, blobName, evaluated.RuleSetVersion, evaluated.Schools.Count, evaluated.CountIn(Zone.High), evaluated.CountIn(Zone.Medium));
            return IngestOutcome.Evaluated(
                RiskNotice.For(evaluated),
                $"Upload {uploadId} ({blobName}): {evaluated.Schools.Count} schools evaluated by rule set {evaluated.RuleSetVersion}.");
        }
        catch (UploadRejectedException exception)
        {
            await statuses.UpsertAsync(
                record with { Status = UploadStatus.Failed, UpdatedAt = time.GetUtcNow(), Error = exception.Message }, cancellationToken);
            return Rejected(blobName, uploadId, exception.Message);
        }
    }

    private async Task<EvaluatedUpload> EvaluateAsync(UploadPath path, string uploadId, Stream content, CancellationToken cancellationToken)
    {
        if (!path.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new UploadRejectedException($"Файл «{path.FileName}»: этот формат пока не принимается, загрузите файл CSV.");
        }

        var schools = new List<SchoolEvaluation>();
        await foreach (var row in SchoolRowCsvReader.ReadAsync(content, path.FileName, cancellationToken))
        {
            schools.Add(await evaluator.EvaluateAsync(row, cancellationToken));
        }

        return new EvaluatedUpload(path, uploadId, evaluator.RuleSet.Version, schools);
    }

    private IngestOutcome Rejected(string blobName, string uploadId, string reason)
    {
        logger.LogWarning("Upload {UploadId} ({BlobName}) rejected: {Reason}", uploadId, blobName, reason);
        return IngestOutcome.Rejected(reason);
    }
}
