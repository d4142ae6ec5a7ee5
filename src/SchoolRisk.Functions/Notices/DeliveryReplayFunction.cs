using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Notices;
using SchoolRisk.Functions.Http;
using SchoolRisk.Functions.Views;

namespace SchoolRisk.Functions.Notices;

/// <summary>
/// <c>DeliveryReplay</c>: <c>POST /api/deliveries/replay</c> with <c>{"failed": true, "period": "2023-2024"}</c> or
/// <c>{"queue": "risk-notifications"}</c> → <see cref="DeliveryReplay.ReplayAsync"/>, what <c>schoolrisk notices replay
/// --failed --period p</c> and <c>schoolrisk notices replay --queue q</c> do: 200 with <c>{replayed, message}</c> (the
/// message in Russian); 403 for any key but the committee's (or the master key); 400 for a body that is not that JSON,
/// neither or both of the two, a period or queue that is not one; 413 for a body over 4 KiB.
/// </summary>
public sealed class DeliveryReplayFunction(DeliveryReplay replay)
{
    /// <summary>The largest request body read: what to replay fits in far less.</summary>
    private const int MaxBodyBytes = 4 * 1024;

    [Function("DeliveryReplay")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "deliveries/replay")] HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await HttpBodies.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } bytes)
        {
            return await request.ErrorAsync(HttpStatusCode.RequestEntityTooLarge, $"Запрос длиннее {MaxBodyBytes} байт: в нём нужно только указать, что отправить снова.", cancellationToken);
        }

        var body = HttpBodies.JsonOf<DeliveryReplayRequest>(bytes);

        return body is null
            ? await request.ErrorAsync(
                HttpStatusCode.BadRequest, "Тело запроса должно быть JSON вида {\"failed\": true, \"period\": \"2023-2024\"} или {\"queue\": \"risk-notifications\"}.", cancellationToken)
            : await ViewAnswers.JsonAsync(request, scope => replay.ReplayAsync(scope, body, cancellationToken), cancellationToken);
    }
}
