using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>RiskMap</c>: <c>GET /api/map/{period}</c> → <see cref="RiskMapQuery.GetAsync"/>: every municipality the key may see,
/// with its zone and its schools per zone; the periods there are, newest first (<c>latest</c> as the period picks the newest).
/// </summary>
public sealed class RiskMapFunction(RiskMapQuery query)
{
    [Function("RiskMap")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "map/{period}")] HttpRequestData request, string period, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => query.GetAsync(scope, period, cancellationToken), cancellationToken);
}
