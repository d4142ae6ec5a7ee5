using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Functions.Notify;

/// <summary>
/// <c>Notify</c>: queue trigger <c>notice</c> on <c>risk-notifications</c> (a <see cref="NoticeMessage"/>). Reads the
/// notice from the notices container and records it once in the
/// notifications table (its key is the dedupe key); delivery channels come later. See <c>Notify/function.json</c>.
/// </summary>
public static class NotifyFunction
{
    public const string TriggerBinding = "notice";

    public static IEndpointRouteBuilder MapNotify(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Notify", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        InvocationRequest request, NoticeStore notices, NotificationTable notifications, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!request.TryRead<NoticeMessage>(TriggerBinding, out var message, out var error))
        {
            return FunctionJson.Failed(InvocationResponse.Log(error));
        }

        var notice = await notices.ReadAsync(message.NoticeBlob, cancellationToken);
        var recorded = await notifications.TryAddAsync(notice, cancellationToken);
        var outcome = recorded
            ? $"Notice {notice.NoticeId} ({notice.Kind}) for {notice.MunicipalityId} recorded: {notice.Schools.Count} schools in risk zones, {notice.Problems?.ProblemCount ?? 0} problems."
            : $"Notice {notice.NoticeId} for {notice.MunicipalityId} was already recorded: duplicate skipped.";
        loggers.CreateLogger(nameof(NotifyFunction)).LogInformation("{Outcome}", outcome);
        return FunctionJson.Ok(InvocationResponse.Log(outcome));
    }
}
