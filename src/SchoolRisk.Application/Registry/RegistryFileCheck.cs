using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Registry;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.ServiceBus;

namespace SchoolRisk.Application.Registry;

/// <summary>
/// The workflow behind <c>RegistryChanged</c>: a blob of the registry container changed. Only the school registry
/// (<see cref="StorageOptions.RegistryBlob"/>) and the recipients directory (<see cref="StorageOptions.RecipientsBlob"/>)
/// are checked; other blobs, such as the last good copies, are ignored. Checks the file as it is now, row by row, keeps it
/// as the last good version when it is usable, and writes the report to <c>reports/registry/{file}/{versionId}/report.json|csv</c>.
/// When a row was refused or repeated, or the file cannot be used, a <see cref="NoticeKind.RegistryProblems"/> notice is
/// written for <c>Notify</c> to deliver to the committee, naming the rows and the version in use. One notice per version
/// of the file: a redelivered event sends nothing twice. A registry in use gives every municipality its subscription of
/// the Service Bus topic of notices, when one is configured. Only a fault of storage or Service Bus throws.
/// </summary>
public sealed class RegistryFileCheck(
    SchoolRegistryBlob registry, RecipientListBlob recipients, ReportBlobs reports, NoticeBlobs notices, StorageAccount account, ILogger<RegistryFileCheck> logger,
    NoticeTopic? topic = null)
{
    /// <param name="blobName">The changed blob's name in the registry container.</param>
    /// <param name="cancellationToken">Cancels the check; the event is then retried.</param>
    public async Task<RegistryCheckOutcome> CheckAsync(string blobName, CancellationToken cancellationToken)
    {
        var qualified = $"{account.Options.RegistryContainer}/{blobName}";
        if (blobName != account.Options.RegistryBlob && blobName != account.Options.RecipientsBlob)
        {
            return new RegistryCheckOutcome($"{qualified} is neither {account.Options.RegistryBlob} nor {account.Options.RecipientsBlob}: ignored.", null);
        }

        RegistryReport? report;
        if (blobName == account.Options.RegistryBlob)
        {
            var schools = await registry.CheckAsync(cancellationToken);
            report = ReportOf(RegistryFileKind.Schools, schools);
            await EnsureSubscriptionsAsync(schools.InUse?.Content, cancellationToken);
        }
        else
        {
            report = ReportOf(RegistryFileKind.Recipients, await recipients.CheckAsync(cancellationToken));
        }

        if (report is null)
        {
            return new RegistryCheckOutcome($"{qualified} no longer exists: nothing to check.", null);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["BlobName"] = blobName, ["RegistryVersion"] = report.VersionId });
        var links = await reports.WriteAsync(report, cancellationToken);
        var inUse = report.InUse is null ? "no version is usable" : report.InUse.IsLastGood ? $"the last good version of {report.InUse.SavedAt:O} is in use" : "it is in use";
        var message = $"{qualified} version {report.VersionId} checked: {report.Check?.ValidRows ?? 0} of {report.Check?.DataRows ?? 0} rows valid, " +
            $"{report.Check?.ProblemCount ?? 0} refused, {report.Check?.Notes.Count ?? 0} noted{(report.Unusable is null ? string.Empty : ", the file cannot be used")}; {inUse}; report {links.Json}.";
        if (!report.HasProblems)
        {
            logger.LogInformation("{Message}", message);
            return new RegistryCheckOutcome(message, null);
        }

        logger.LogWarning("{Message}", message);
        var notice = MunicipalityNotice.ForRegistry(report, links);
        return new RegistryCheckOutcome(message, NoticeMessage.Of(notice, await notices.WriteAsync(notice, cancellationToken)));
    }

    /// <summary>
    /// Gives the committee and every municipality of the registry in use its subscription of the notices topic, when
    /// one is configured, so that a municipality's system can connect before its first notice. A transient fault of
    /// Service Bus throws (the event is retried); a permanent one is logged, and the publishing of the first notice
    /// tries again and records the reason on the delivery.
    /// </summary>
    private async Task EnsureSubscriptionsAsync(SchoolRegistry? inUse, CancellationToken cancellationToken)
    {
        if (topic is null || inUse is null)
        {
            return;
        }

        try
        {
            await topic.EnsureSubscriptionsAsync([RecipientDirectory.Committee, .. inUse.MunicipalityIds.Select(id => id.ToString())], cancellationToken);
        }
        catch (NoticeTopicException exception) when (!exception.Transient)
        {
            logger.LogError(exception, "Subscriptions of the notices topic could not be created: {Reason}", exception.Message);
        }
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
