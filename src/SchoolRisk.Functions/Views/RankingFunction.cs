using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>Ranking</c>: <c>GET /api/ranking/{period}</c>. The integrated assessment's ranking (rank within the school's kind,
/// composite score, level, TOP and leader marks), best first; a municipality's key gets its own schools with their
/// regional ranks. See <c>Ranking/function.json</c>.
/// </summary>
public static class RankingFunction
{
    public static IEndpointRouteBuilder MapRanking(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Ranking", (InvocationRequest request, ResultTable results, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (http, scope) =>
            {
                if (!Period.TryParse(http.Param("period"), out var period))
                {
                    return ViewRequest.NotAPeriod(http.Param("period"));
                }

                var ranking = await results.ListAsync(period, cancellationToken)
                    .Where(result => scope.Sees(result.MunicipalityId) && result.Assessment.Rank is not null)
                    .OrderBy(result => result.Assessment.Rank).ThenByDescending(result => result.Assessment.Composite).ThenBy(result => result.SchoolId, StringComparer.Ordinal)
                    .Select(result => new RankingEntry(
                        result.Assessment.Rank!.Value, result.SchoolId, result.SchoolName, result.MunicipalityId, result.Assessment.Composite,
                        result.Assessment.Level?.ToString(), result.Assessment.Top, result.Assessment.Leader))
                    .ToListAsync(cancellationToken);
                return HttpOutput.Json(StatusCodes.Status200OK, ranking);
            }));
        return endpoints;
    }
}
