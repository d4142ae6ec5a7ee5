using SchoolRisk.Application.Digest;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Digest;

/// <summary>
/// <c>Digest</c>: queue trigger <c>request</c> on <c>digest-requests</c> (a <see cref="DigestRequest"/>, queued by
/// <c>Recalculate</c> to become visible after the digest delay) → <see cref="DigestNotifier.DeliverAsync"/>; the
/// invocation fails, for the queue to retry, when a transient failure remains. See <c>Digest/function.json</c>.
/// </summary>
public static class DigestFunction
{
    public const string TriggerBinding = "request";

    public static IEndpointRouteBuilder MapDigest(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Digest", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(InvocationRequest request, DigestNotifier digests, CancellationToken cancellationToken) =>
        request.TryReadPeriodMessage<DigestRequest>(TriggerBinding, out var message, out var period, out var error)
            ? FunctionJson.Of(await digests.DeliverAsync(period, message.RequestedAt, cancellationToken))
            : FunctionJson.Failed(InvocationResponse.Log(error));
}
