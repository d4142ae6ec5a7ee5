using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;
using SchoolRisk.Functions.Views;

namespace SchoolRisk.Functions.Notices;

/// <summary>
/// <c>Deliveries</c>: <c>GET /api/deliveries/{period}</c> → <see cref="DeliveriesQuery.GetAsync"/>: 200 with the
/// period's notices and each one's deliveries (channel, address, status, attempts, the reason of a failure) and the
/// messages waiting in the poison queues (<see cref="DeliveriesView"/>); 403 for any key but the committee's (or the
/// master key), 404 for a period that is not one. Messages people read are in Russian.
/// </summary>
public sealed class DeliveriesFunction(DeliveriesQuery query)
{
    [Function("Deliveries")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "deliveries/{period}")] HttpRequestData request, string period, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => query.GetAsync(scope, period, cancellationToken), cancellationToken);
}
