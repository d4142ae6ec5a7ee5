using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Functions.Notify;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Digest;

/// <summary>
/// <c>Digest</c>: queue trigger <c>request</c> on <c>digest-requests</c> (a <see cref="DigestRequest"/>, queued by
/// <c>Recalculate</c> to become visible after <see cref="DeliveryOptions.DigestDelay"/>). A request overtaken by a later
/// one ends at once; otherwise the committee's digest of the period is built from the stored results against the
/// period before and delivered to the committee's addresses. Its key is a hash of its content, so the same state of the
/// region is delivered once however many requests reach it. Failures end as in <c>Notify</c>: a transient one fails the
/// invocation (retried, then <c>digest-requests-poison</c>; status <c>Retrying</c>), a permanent one is recorded
/// <c>Failed</c> and the request completes; <c>schoolrisk notices replay --failed</c> requests the digest again.
/// See <c>Digest/function.json</c>.
/// </summary>
public static class DigestFunction
{
    public const string TriggerBinding = "request";

    public static IEndpointRouteBuilder MapDigest(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Digest", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        InvocationRequest request, StorageAccount account, DigestSchedule schedule, ResultTable results, MunicipalityTable municipalities, RecipientStore recipients,
        NotificationTable notifications, NoticeDeliverer deliverer, CancellationToken cancellationToken)
    {
        if (!request.TryReadPeriodMessage<DigestRequest>(TriggerBinding, out var message, out var period, out var error))
        {
            return FunctionJson.Failed(InvocationResponse.Log(error));
        }

        if (!await schedule.IsLatestAsync(period, message.RequestedAt, cancellationToken))
        {
            return FunctionJson.Ok(InvocationResponse.Log($"Digest of {period} requested at {message.RequestedAt:O}: a later request will make it."));
        }

        var current = await SchoolsAsync(results, period, cancellationToken);
        if (current.Count == 0)
        {
            return FunctionJson.Ok(InvocationResponse.Log($"Digest of {period}: no results yet."));
        }

        var zones = await municipalities.ListAsync(period, cancellationToken).ToDictionaryAsync(summary => summary.MunicipalityId, summary => summary.Zone, StringComparer.Ordinal, cancellationToken);
        var digest = RegionalDigest.Of(period, current, await SchoolsAsync(results, period.Previous, cancellationToken), zones);
        await notifications.TryAddDigestAsync(digest, cancellationToken);
        RecipientDirectory directory;
        try
        {
            directory = await recipients.LoadAsync(cancellationToken);
        }
        catch (UploadRejectedException exception)
        {
            await notifications.SetStatusAsync(
                period, RecipientDirectory.Committee, digest.Key, NoticeStatus.Failed,
                $"справочник адресатов не читается, сводка не отправлена: {exception.Message} {DeliveryOutcome.FailedNote}", cancellationToken);
            return FunctionJson.Ok(InvocationResponse.Log($"Digest {digest.Key}: the recipients directory is unreadable, digest failed: {exception.Message}"));
        }

        var planned = DeliveryPlan.ForDigest(digest, directory);
        List<string> unaddressed = planned.Count > 0
            ? []
            : [$"{RecipientDirectory.Committee}: в справочнике адресатов (registry/recipients.csv) нет ни адреса почты, ни веб-хука комитета (строка с кодом committee), сводка не отправлена."];
        var outcome = await deliverer.DeliverAsync(period, planned, cancellationToken);
        var (status, reason) = outcome.NoticeStatus(unaddressed, account.Options.DigestRequestsQueue);
        await notifications.SetStatusAsync(period, RecipientDirectory.Committee, digest.Key, status, reason, cancellationToken);
        var log = $"Digest {digest.Key}: {status}; {outcome.Summary}{string.Concat(unaddressed.Select(text => $"; {text}"))}";
        return status == NoticeStatus.Retrying ? FunctionJson.Failed(InvocationResponse.Log(log)) : FunctionJson.Ok(InvocationResponse.Log(log));
    }

    private static async Task<List<DigestSchool>> SchoolsAsync(ResultTable results, Period period, CancellationToken cancellationToken) =>
        await results.ListAsync(period, cancellationToken)
            .Select(result => new DigestSchool(result.MunicipalityId, result.SchoolId, result.SchoolName, result.OverallZone, result.Classification.LowResults))
            .ToListAsync(cancellationToken);
}
