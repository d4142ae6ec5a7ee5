using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;

namespace SchoolRisk.Functions.Notify;

/// <summary>
/// <c>Notify</c>: queue trigger <c>notice</c> on <c>risk-notifications</c> (a <see cref="NoticeMessage"/>). Reads the
/// notice from the notices container, records it in the notifications table (its key is the dedupe key), and delivers
/// it: the municipality's letter to that municipality's addresses, an alert to the committee when schools came into the
/// high zone (<see cref="DeliveryPlan"/>), each delivery sent once (<see cref="NoticeDeliverer"/>). A transient failure
/// fails the invocation, so the queue retries it and, on its last delivery, moves it to <c>risk-notifications-poison</c>;
/// a permanent one (an address refused, no address at all) goes to that poison queue at once through the output
/// <c>poison</c>, with the reason in the notifications and deliveries tables. <c>schoolrisk notices replay</c> puts
/// poisoned messages back. See <c>Notify/function.json</c>.
/// </summary>
public static class NotifyFunction
{
    public const string TriggerBinding = "notice";
    public const string PoisonBinding = "poison";

    public static IEndpointRouteBuilder MapNotify(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Notify", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        InvocationRequest request, NoticeStore notices, NotificationTable notifications, RecipientStore recipients, NoticeDeliverer deliverer,
        ILogger<NoticeDeliverer> logger, CancellationToken cancellationToken)
    {
        if (!request.TryRead<NoticeMessage>(TriggerBinding, out var message, out var error))
        {
            return FunctionJson.Failed(InvocationResponse.Log(error));
        }

        var notice = await notices.ReadAsync(message.NoticeBlob, cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["NoticeId"] = notice.NoticeId,
            ["NoticeKind"] = notice.Kind.ToString(),
            ["UploadId"] = notice.UploadId,
            ["MunicipalityId"] = notice.MunicipalityId,
            ["Period"] = notice.Period.ToString(),
            ["RuleSetVersion"] = notice.RuleSetVersion,
        });
        await notifications.TryAddAsync(notice, cancellationToken);
        IReadOnlyList<Delivery> planned;
        try
        {
            planned = DeliveryPlan.ForNotice(notice, await recipients.LoadAsync(cancellationToken));
        }
        catch (UploadRejectedException exception)
        {
            await notifications.SetStatusAsync(notice.Period, notice.MunicipalityId, notice.NoticeId, NoticeStatus.Retrying, exception.Message, cancellationToken);
            return FunctionJson.Failed(InvocationResponse.Log($"Notice {notice.NoticeId}: the recipients directory is broken: {exception.Message}"));
        }

        if (!planned.Any(delivery => delivery.Kind == DeliveryPlan.MunicipalityNoticeKind))
        {
            var reason = $"No address for '{notice.MunicipalityId}' in the recipients directory: add one and replay the poison queue.";
            await notifications.SetStatusAsync(notice.Period, notice.MunicipalityId, notice.NoticeId, NoticeStatus.Failed, reason, cancellationToken);
            logger.LogWarning("Notice {NoticeId}: {Reason}", notice.NoticeId, reason);
            return FunctionJson.Ok(new InvocationResponse(new Dictionary<string, object?> { [PoisonBinding] = request.TextOf(TriggerBinding) }, [reason]));
        }

        var outcome = await deliverer.DeliverAsync(notice.Period, planned, cancellationToken);
        var log = $"Notice {notice.NoticeId} ({notice.Kind}) for {notice.MunicipalityId}: {outcome.Summary}";
        if (outcome.Transient.Count > 0)
        {
            await notifications.SetStatusAsync(notice.Period, notice.MunicipalityId, notice.NoticeId, NoticeStatus.Retrying, string.Join(" | ", outcome.Transient), cancellationToken);
            return FunctionJson.Failed(InvocationResponse.Log(log));
        }

        if (outcome.Permanent.Count > 0)
        {
            await notifications.SetStatusAsync(notice.Period, notice.MunicipalityId, notice.NoticeId, NoticeStatus.Failed, string.Join(" | ", outcome.Permanent), cancellationToken);
            return FunctionJson.Ok(new InvocationResponse(new Dictionary<string, object?> { [PoisonBinding] = request.TextOf(TriggerBinding) }, [log]));
        }

        await notifications.SetStatusAsync(notice.Period, notice.MunicipalityId, notice.NoticeId, NoticeStatus.Delivered, null, cancellationToken);
        return FunctionJson.Ok(InvocationResponse.Log(log));
    }
}
