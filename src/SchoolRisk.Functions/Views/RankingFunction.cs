using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>Ranking</c>: <c>GET /api/ranking/{period}</c> → <see cref="RankingQuery.GetAsync"/>: the integrated assessment's
/// ranking, best first; a municipality's key gets its own schools with their regional ranks.
/// </summary>
public sealed class RankingFunction(RankingQuery query)
{
    [Function("Ranking")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ranking/{period}")] HttpRequestData request, string period, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => query.GetAsync(scope, period, cancellationToken), cancellationToken);
}
