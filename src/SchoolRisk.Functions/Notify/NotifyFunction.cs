using SchoolRisk.Application.Notices;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Notify;

/// <summary>
/// <c>Notify</c>: queue trigger <c>notice</c> on <c>risk-notifications</c> (a <see cref="NoticeMessage"/>) →
/// <see cref="NoticeNotifier.NotifyAsync"/>; the invocation fails, for the queue to retry, when a transient failure
/// remains. See <c>Notify/function.json</c>.
/// </summary>
public static class NotifyFunction
{
    public const string TriggerBinding = "notice";

    public static IEndpointRouteBuilder MapNotify(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Notify", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(InvocationRequest request, NoticeNotifier notifier, CancellationToken cancellationToken) =>
        request.TryRead<NoticeMessage>(TriggerBinding, out var message, out var error)
            ? FunctionJson.Of(await notifier.NotifyAsync(message, cancellationToken))
            : FunctionJson.Failed(InvocationResponse.Log(error));
}
