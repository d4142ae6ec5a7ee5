using SchoolRisk.Application.Views;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>Ranking</c>: <c>GET /api/ranking/{period}</c> → <see cref="RankingQuery.GetAsync"/>: the integrated assessment's
/// ranking, best first; a municipality's key gets its own schools with their regional ranks. See <c>Ranking/function.json</c>.
/// </summary>
public static class RankingFunction
{
    public static IEndpointRouteBuilder MapRanking(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Ranking", (InvocationRequest request, RankingQuery query, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (http, scope) => ViewRequest.Json(await query.GetAsync(scope, http.Param("period"), cancellationToken))));
        return endpoints;
    }
}
