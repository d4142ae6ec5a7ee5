using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Registry;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Functions.Notify;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;

namespace SchoolRisk.Functions.Registry;

/// <summary>
/// <c>RegistryChanged</c>: queue trigger <c>event</c> on <c>registry-events</c> (Event Grid BlobCreated events for the
/// registry container; in Azure only those of <c>schools.csv</c> and <c>recipients.csv</c>, other blobs such as the last
/// good copies are ignored here too). Checks the file as it is now, row by row, keeps it as the last good version when
/// it is usable, and writes the report to <c>reports/registry/{file}/{versionId}/report.json|csv</c>. When a row was
/// refused or repeated, or the file cannot be used, queue output <c>notice</c> on <c>risk-notifications</c> carries a
/// <see cref="NoticeKind.RegistryProblems"/> notice that <c>Notify</c> delivers to the committee, naming the rows and the
/// version in use. One notice per version of the file: a redelivered event sends nothing twice. See
/// <c>RegistryChanged/function.json</c>.
/// </summary>
public static class RegistryChangedFunction
{
    public const string TriggerBinding = "event";
    public const string NoticeBinding = "notice";

    public static IEndpointRouteBuilder MapRegistryChanged(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/RegistryChanged", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        InvocationRequest request, RegistryStore registry, RecipientStore recipients, ReportStore reports, NoticeStore notices, StorageAccount account,
        ILogger<RegistryStore> logger, CancellationToken cancellationToken)
    {
        if (!BlobEventTrigger.TryRead(request, TriggerBinding, account.Options.RegistryContainer, out var blobEvent, out var answer))
        {
            return answer;
        }

        var blobName = $"{account.Options.RegistryContainer}/{blobEvent.BlobName}";
        if (blobEvent.BlobName != account.Options.RegistryBlob && blobEvent.BlobName != account.Options.RecipientsBlob)
        {
            return FunctionJson.Ok(InvocationResponse.Log($"{blobName} is neither {account.Options.RegistryBlob} nor {account.Options.RecipientsBlob}: ignored."));
        }

        var report = blobEvent.BlobName == account.Options.RegistryBlob
            ? ReportOf(RegistryFileKind.Schools, await registry.CheckAsync(cancellationToken))
            : ReportOf(RegistryFileKind.Recipients, await recipients.CheckAsync(cancellationToken));
        if (report is null)
        {
            return FunctionJson.Ok(InvocationResponse.Log($"{blobName} no longer exists: nothing to check."));
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["BlobName"] = blobEvent.BlobName, ["RegistryVersion"] = report.VersionId });
        var links = await reports.WriteAsync(report, cancellationToken);
        var inUse = report.InUse is null ? "no version is usable" : report.InUse.IsLastGood ? $"the last good version of {report.InUse.SavedAt:O} is in use" : "it is in use";
        var message = $"{blobName} version {report.VersionId} checked: {report.Check?.ValidRows ?? 0} of {report.Check?.DataRows ?? 0} rows valid, " +
            $"{report.Check?.ProblemCount ?? 0} refused, {report.Check?.Notes.Count ?? 0} noted{(report.Unusable is null ? string.Empty : ", the file cannot be used")}; {inUse}; report {links.Json}.";
        if (!report.HasProblems)
        {
            logger.LogInformation("{Message}", message);
            return FunctionJson.Ok(InvocationResponse.Log(message));
        }

        logger.LogWarning("{Message}", message);
        var notice = MunicipalityNotice.ForRegistry(report, links);
        var blob = await notices.WriteAsync(notice, cancellationToken);
        return FunctionJson.Ok(new InvocationResponse(
            new Dictionary<string, object?> { [NoticeBinding] = new NoticeMessage(notice.NoticeId, notice.MunicipalityId, notice.Period.ToString(), blob) },
            [message]));
    }

    /// <summary>The report of the file as it is now, or <c>null</c> when it no longer exists.</summary>
    private static RegistryReport? ReportOf<T>(RegistryFileKind kind, CommitteeFileState<T> state)
        where T : class, ICommitteeFile =>
        state.Current is not { } current
            ? null
            : new RegistryReport(
                kind, current.FileName, current.Id, current.SavedAt, current.Unusable, current.Content?.Check,
                state.InUse is { Content: { } used } inUse ? new RegistryVersionInUse(inUse.SavedAt, inUse.IsLastGood, used.Check.ValidRows) : null);
}
